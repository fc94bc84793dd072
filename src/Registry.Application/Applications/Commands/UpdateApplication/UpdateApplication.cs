using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Concurrency;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Applications.Commands.UpdateApplication;

/// <summary>The owner replaces a draft (or an application sent back for changes), naming the version they edited.</summary>
public sealed record UpdateApplication(Guid Id, ExpectedVersion ExpectedVersion, ApplicationInput Input) : ICommand;

internal sealed class UpdateApplicationHandler(
    IRegistryDbContext db, ApplicationDetailsResolver resolver, ApplicationRefusals refusals, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateApplication>
{
    public async ValueTask<Unit> Handle(UpdateApplication command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.OwnedBy(currentUser).SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.Id, "application.edit", cancellationToken);

        var expected = command.ExpectedVersion.Match(application.Version);

        // The database re-checks the version on write, so an edit racing this one cannot be overwritten.
        db.Applications.Entry(application).Property(a => a.Version).OriginalValue = expected;
        var details = await resolver.ResolveAsync(command.Input, cancellationToken);
        application.Edit(details, clock.GetUtcNow());
        return Unit.Value;
    }
}
