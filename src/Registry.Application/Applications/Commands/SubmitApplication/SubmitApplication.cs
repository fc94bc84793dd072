using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Domain.Legal;

namespace Registry.Application.Applications.Commands.SubmitApplication;

/// <summary>The owner submits a draft, or resubmits after changes were requested; every broken rule is reported at once.</summary>
public sealed record SubmitApplication(Guid Id, string? IdempotencyKey = null) : ICommand<SubmittedApplication>, IIdempotentCommand;

public sealed record SubmittedApplication(Guid Id, DateTimeOffset SubmittedAt);

internal sealed class SubmitApplicationHandler(
    IRegistryDbContext db, ApplicationRefusals refusals, LegalFactsBuilder legalFacts, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SubmitApplication, SubmittedApplication>
{
    public async ValueTask<SubmittedApplication> Handle(SubmitApplication command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.OwnedBy(currentUser).SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.Id, "application.submit", cancellationToken);

        var now = clock.GetUtcNow();
        var (facts, _) = await legalFacts.ForAsync(application, LegalCalendar.Today(clock), now, cancellationToken);
        application.Submit(now, application.IsEditable ? RuleBook.Evaluate(facts) : []);
        return new SubmittedApplication(application.Id, now);
    }
}
