using Registry.Domain.Common;

namespace Registry.Domain.Organizations;

public sealed record OrganizationRegistered(Guid OrganizationId, Guid ApplicationId, string RegistrationNumber, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record OrganizationStatusChanged(
    Guid OrganizationId, OrganizationStatus From, OrganizationStatus To, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record OrganizationDeclarationFiled(
    Guid OrganizationId, Compliance.DeclarationKind Kind, DateOnly EffectiveOn, int? FinancialYear, string? DocumentSha256, DateTimeOffset OccurredAt) : IDomainEvent;
