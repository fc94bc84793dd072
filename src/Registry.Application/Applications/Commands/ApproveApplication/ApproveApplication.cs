using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Domain.Legal;

namespace Registry.Application.Applications.Commands.ApproveApplication;

/// <summary>
/// An official of the application's region approves it: the organisation is created with the next
/// registration number of its form, region and year, in the same transaction. The official may say why
/// (<paramref name="Reason"/>, kept as a rejection's is); approving needs no reason.
/// </summary>
/// <remarks>
/// The reason is part of the Idempotency-Key's fingerprint (another reason under the same key is a conflict); left
/// out of it when absent, so an approval without one has the fingerprint it had before approvals could carry one.
/// </remarks>
public sealed record ApproveApplication(
    Guid Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    string? IdempotencyKey = null) : ICommand<ApprovedApplication>, IIdempotentCommand;

public sealed record ApprovedApplication(Guid ApplicationId, Guid OrganizationId, string RegistrationNumber);

internal sealed class ApproveApplicationHandler(
    IRegistryDbContext db, IRegistrationNumberAllocator numbers, ApplicationRefusals refusals, LegalFactsBuilder legalFacts,
    ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ApproveApplication, ApprovedApplication>
{
    public async ValueTask<ApprovedApplication> Handle(ApproveApplication command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.InRegionsOf(currentUser).SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.Id, "application.approve", cancellationToken);

        var now = clock.GetUtcNow();
        application.EnsureApprovable();

        // The law is checked again at approval, as of the submission date (ages count on that day).
        var submittedOn = DateOnly.FromDateTime(LegalCalendar.ToMorocco(application.SubmittedAt ?? now).DateTime);
        var (facts, reservation) = await legalFacts.ForAsync(application, submittedOn, now, cancellationToken);
        application.EnsureApprovable(RuleBook.Evaluate(facts));
        var year = LegalCalendar.ToMorocco(now).Year;
        var number = await numbers.NextAsync(application.LegalForm, application.RegionCode, year, cancellationToken);
        var organization = application.Approve(currentUser.RequireUserId(), number, now, command.Reason?.Trim());
        db.Organizations.Add(organization);
        reservation?.Consume(application.Id, now);
        return new ApprovedApplication(application.Id, organization.Id, organization.RegistrationNumber);
    }
}
