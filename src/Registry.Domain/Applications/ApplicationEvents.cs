using Registry.Domain.Common;

namespace Registry.Domain.Applications;

public sealed record ApplicationDrafted(Guid ApplicationId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationEdited(Guid ApplicationId, IReadOnlyList<string> ChangedFields, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationSubmitted(Guid ApplicationId, bool Resubmission, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationChangesRequested(Guid ApplicationId, string Comments, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationRejected(Guid ApplicationId, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationApproved(Guid ApplicationId, Guid OrganizationId, string RegistrationNumber, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;
