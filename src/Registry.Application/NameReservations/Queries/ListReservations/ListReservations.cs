using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.NameReservations.Queries.ListReservations;

/// <summary>The caller's own reservations, newest first.</summary>
public sealed record ListReservations : IQuery<IReadOnlyList<ReservationView>>;

internal sealed class ListReservationsHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<ListReservations, IReadOnlyList<ReservationView>>
{
    public async ValueTask<IReadOnlyList<ReservationView>> Handle(ListReservations query, CancellationToken cancellationToken)
    {
        var holder = currentUser.UserId;
        var reservations = await db.NameReservations.AsNoTracking().Where(r => r.HolderId == holder).OrderByDescending(r => r.ReservedAt).Take(100).ToListAsync(cancellationToken);
        return [.. reservations.Select(r => ReservationView.Of(r))];
    }
}
