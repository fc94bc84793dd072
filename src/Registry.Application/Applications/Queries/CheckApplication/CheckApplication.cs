using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Legal;

namespace Registry.Application.Applications.Queries.CheckApplication;

/// <summary>
/// The rules an application would break if its owner submitted it now: the same completeness and legal rules as
/// <see cref="Commands.SubmitApplication.SubmitApplication"/>, evaluated without submitting, so a form can show each
/// one beside the answers it concerns. Empty once the application is no longer editable.
/// </summary>
public sealed record CheckApplication(Guid Id) : IQuery<IReadOnlyList<BrokenRule>>;

internal sealed class CheckApplicationHandler(
    IRegistryDbContext db, ApplicationRefusals refusals, LegalFactsBuilder legalFacts, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<CheckApplication, IReadOnlyList<BrokenRule>>
{
    public async ValueTask<IReadOnlyList<BrokenRule>> Handle(CheckApplication query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().OwnedBy(currentUser).SingleOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw await refusals.NotFoundAsync(query.Id, "application.check", cancellationToken);
        if (!application.IsEditable)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var (facts, _) = await legalFacts.ForAsync(application, LegalCalendar.Today(clock), now, cancellationToken);
        return ApplicationRules.Of(application, RuleBook.Evaluate(facts));
    }
}
