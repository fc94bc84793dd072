using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Applications.Queries.GetApplication;

public sealed record GetApplication(Guid Id) : IQuery<ApplicationView>;

internal sealed class GetApplicationHandler(IRegistryDbContext db, ApplicationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<GetApplication, ApplicationView>
{
    public async ValueTask<ApplicationView> Handle(GetApplication query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().VisibleTo(currentUser).SingleOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(query.Id, "application.read", cancellationToken);
        return application.ToView();
    }
}
