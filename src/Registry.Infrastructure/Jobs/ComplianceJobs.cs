using Hangfire;
using Mediator;
using Registry.Application.Compliance.Commands.DeliverNotifications;
using Registry.Application.Compliance.Commands.EvaluateCompliance;

namespace Registry.Infrastructure.Jobs;

/// <summary>The nightly sweep: one at a time (Hangfire's lock, and the sweep's own advisory lock across servers), retried a bounded number of times.</summary>
public sealed class ComplianceSweepJob(ISender sender)
{
    public const string RecurringId = "compliance:evaluate-all";

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new EvaluateCompliance(), cancellationToken);
        if (!result.Ran)
        {
            // Another sweep holds the sweep's lock (an operator's run, or the session of a worker that just died): this
            // night's sweep has not run. Failing makes Hangfire try again after its back-off, instead of a success that
            // leaves the rules undone until the next night.
            throw new SweepLockHeldException();
        }
    }
}

/// <summary>The sweep found another sweep holding its lock; the job is retried.</summary>
public sealed class SweepLockHeldException() : Exception("Another compliance sweep holds the sweep's lock; this one will be retried.");

/// <summary>One organisation, right after its declaration. Takes its id only.</summary>
public sealed class EvaluateOrganizationJob(ISender sender)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await sender.Send(new EvaluateCompliance(organizationId), cancellationToken);
}

/// <summary>Delivers the outbox every minute and after each sweep that queued messages; rows are claimed with SKIP LOCKED.</summary>
public sealed class DeliverNotificationsJob(ISender sender)
{
    public const string RecurringId = "notifications:deliver";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new DeliverNotifications(), cancellationToken);
}

internal sealed class HangfireBackgroundJobs(IBackgroundJobClient jobs) : Application.Common.Interfaces.IBackgroundJobs
{
    public void EvaluateOrganization(Guid organizationId) =>
        jobs.Enqueue<EvaluateOrganizationJob>(job => job.RunAsync(organizationId, CancellationToken.None));

    public void DeliverNotifications() => jobs.Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
}
