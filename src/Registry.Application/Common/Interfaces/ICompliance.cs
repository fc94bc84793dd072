namespace Registry.Application.Common.Interfaces;

/// <summary>How long one rule of a sweep took and how many findings it changed.</summary>
public sealed record RuleTiming(string RuleCode, int FindingsChanged, int MessagesQueued, TimeSpan Elapsed);

/// <summary>The outcome of a sweep; <see cref="Ran"/> is false when another sweep held the lock.</summary>
public sealed record SweepResult(bool Ran, IReadOnlyList<RuleTiming> Rules);

/// <summary>The compliance checks of SPEC §5 as set-based SQL over all organisations (or one).</summary>
public interface IComplianceSweep
{
    Task<SweepResult> RunAsync(DateOnly today, DateTimeOffset now, Guid? organizationId, CancellationToken cancellationToken);
}

/// <summary>Sends the outbox's due e-mails; returns how many were sent.</summary>
public interface INotificationDelivery
{
    Task<int> DeliverDueAsync(CancellationToken cancellationToken);
}

/// <summary>Background work started by a use case once its transaction has committed.</summary>
public interface IBackgroundJobs
{
    void EvaluateOrganization(Guid organizationId);

    void DeliverNotifications();
}
