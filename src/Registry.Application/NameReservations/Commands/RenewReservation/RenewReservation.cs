using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.NameReservations.Commands.RenewReservation;

/// <summary>The holder renews a live reservation, once, for 60 more days.</summary>
public sealed record RenewReservation(Guid Id) : ICommand<ReservationView>;

internal sealed class RenewReservationHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RenewReservation, ReservationView>
{
    public async ValueTask<ReservationView> Handle(RenewReservation command, CancellationToken cancellationToken)
    {
        var holder = currentUser.UserId;
        var reservation = await db.NameReservations.SingleOrDefaultAsync(r => r.Id == command.Id && r.HolderId == holder, cancellationToken)
            ?? throw new NotFoundException(ResourceKind.NameReservation, command.Id);
        reservation.Renew(clock.GetUtcNow());
        return ReservationView.Of(reservation);
    }
}
