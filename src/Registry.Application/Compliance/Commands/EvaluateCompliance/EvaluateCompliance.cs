using Mediator;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Compliance.Commands.EvaluateCompliance;

/// <summary>
/// Evaluates every organisation (the nightly sweep) or one (after a declaration) against SPEC §5. Not a unit
/// of work: the sweep commits rule by rule so an interrupted run resumes where it stopped.
/// </summary>
public sealed record EvaluateCompliance(Guid? OrganizationId = null) : IRequest<SweepResult>;

internal sealed class EvaluateComplianceHandler(IComplianceSweep sweep, IBackgroundJobs jobs, TimeProvider clock) : IRequestHandler<EvaluateCompliance, SweepResult>
{
    public async ValueTask<SweepResult> Handle(EvaluateCompliance command, CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(LegalCalendar.Today(clock), clock.GetUtcNow(), command.OrganizationId, cancellationToken);
        if (result.Rules.Any(r => r.MessagesQueued > 0))
        {
            jobs.DeliverNotifications();
        }

        return result;
    }
}
