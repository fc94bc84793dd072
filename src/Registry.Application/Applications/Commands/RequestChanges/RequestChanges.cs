using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;

namespace Registry.Application.Applications.Commands.RequestChanges;

/// <summary>An official of the application's region sends it back to the applicant with comments.</summary>
public sealed record RequestChanges(Guid Id, string Comments, string? IdempotencyKey = null) : ICommand<Decision>, IIdempotentCommand;

internal sealed class RequestChangesHandler(IRegistryDbContext db, ApplicationRefusals refusals, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RequestChanges, Decision>
{
    public async ValueTask<Decision> Handle(RequestChanges command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.InRegionsOf(currentUser).SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.Id, "application.request-changes", cancellationToken);

        application.RequestChanges(currentUser.RequireUserId(), command.Comments.Trim(), clock.GetUtcNow());
        return new Decision(application.Id, application.Status, application.DecidedAt!.Value);
    }
}
