using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;

namespace Registry.Application.Applications.Commands.RejectApplication;

/// <summary>An official of the application's region rejects it, giving the reason.</summary>
public sealed record RejectApplication(Guid Id, string Reason, string? IdempotencyKey = null) : ICommand<Decision>, IIdempotentCommand;

internal sealed class RejectApplicationHandler(IRegistryDbContext db, ApplicationRefusals refusals, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RejectApplication, Decision>
{
    public async ValueTask<Decision> Handle(RejectApplication command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.InRegionsOf(currentUser).SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.Id, "application.reject", cancellationToken);

        application.Reject(currentUser.RequireUserId(), command.Reason.Trim(), clock.GetUtcNow());
        return new Decision(application.Id, application.Status, application.DecidedAt!.Value);
    }
}
