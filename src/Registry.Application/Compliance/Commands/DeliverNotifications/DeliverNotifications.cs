using Mediator;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Compliance.Commands.DeliverNotifications;

/// <summary>Sends the outbox's due reminders and notices; returns how many were sent.</summary>
public sealed record DeliverNotifications : IRequest<int>;

internal sealed class DeliverNotificationsHandler(INotificationDelivery delivery) : IRequestHandler<DeliverNotifications, int>
{
    public async ValueTask<int> Handle(DeliverNotifications command, CancellationToken cancellationToken) => await delivery.DeliverDueAsync(cancellationToken);
}
