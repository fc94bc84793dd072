using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;

namespace Registry.Application.Applications.Commands.ApproveApplication;

/// <summary>
/// An official of the application's region approves it: the organisation is created with the next
/// registration number of its form, region and year, in the same transaction.
/// </summary>
public sealed record ApproveApplication(Guid Id, string? IdempotencyKey = null) : ICommand<ApprovedApplication>, IIdempotentCommand;

public sealed record ApprovedApplication(Guid ApplicationId, Guid OrganizationId, string RegistrationNumber);

internal sealed class ApproveApplicationHandler(
    IRegistryDbContext db, IRegistrationNumberAllocator numbers, ApplicationRefusals refusals, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ApproveApplication, ApprovedApplication>
{
    public async ValueTask<ApprovedApplication> Handle(ApproveApplication command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.InRegionsOf(currentUser).SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.Id, "application.approve", cancellationToken);

        application.EnsureApprovable();
        var now = clock.GetUtcNow();
        var year = LegalCalendar.ToMorocco(now).Year;
        var number = await numbers.NextAsync(application.LegalForm, application.RegionCode, year, cancellationToken);
        var organization = application.Approve(currentUser.RequireUserId(), number, now);
        db.Organizations.Add(organization);
        return new ApprovedApplication(application.Id, organization.Id, organization.RegistrationNumber);
    }
}
