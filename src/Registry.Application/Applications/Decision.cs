using Registry.Domain.Applications;

namespace Registry.Application.Applications;

/// <summary>The outcome of an official's decision on an application.</summary>
public sealed record Decision(Guid ApplicationId, ApplicationStatus Status, DateTimeOffset DecidedAt);
