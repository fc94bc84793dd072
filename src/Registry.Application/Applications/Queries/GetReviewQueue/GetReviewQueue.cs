using System.Globalization;
using FluentValidation;
using Registry.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Domain.Applications;
using Registry.Domain.Reference;

namespace Registry.Application.Applications.Queries.GetReviewQueue;

/// <summary>
/// The applications of the official's regions, oldest submission first, keyset-paginated; narrowed to one of those
/// regions, a legal form, a status (submitted by default) and a first day of submission (in Morocco's calendar).
/// A region outside the official's is not refused: it narrows their regions to nothing.
/// </summary>
public sealed record GetReviewQueue(
    ApplicationStatus? Status,
    LegalForm? LegalForm,
    string? Cursor,
    int Limit = Common.Paging.Cursor.DefaultLimit,
    string? RegionCode = null,
    DateOnly? SubmittedSince = null)
    : IQuery<Page<ReviewQueueItem>>;

public sealed class GetReviewQueueValidator : AbstractValidator<GetReviewQueue>
{
    private static readonly DateOnly EarliestDay = new DateOnly(1900, 1, 1);
    private static readonly DateOnly LatestDay = new DateOnly(2999, 12, 31);

    public GetReviewQueueValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Common.Paging.Cursor.MaxLimit);
        RuleFor(x => x.Status).IsInEnum().NotEqual(ApplicationStatus.Draft).WithMessage("Les brouillons ne sont pas dans la file d'examen.", "المسودات ليست ضمن قائمة الدراسة.");
        RuleFor(x => x.LegalForm).IsInEnum();
        RuleFor(x => x.RegionCode).Matches("^[0-9]{2}$").WithMessage("Code de région inconnu.", "رمز جهة غير معروف.");
        RuleFor(x => x.SubmittedSince).InclusiveBetween(EarliestDay, LatestDay)
            .WithMessage("Choisissez une date entre 1900 et 2999.", "اختر تاريخاً بين 1900 و2999.");
        RuleFor(x => x.Cursor).Must(c => c is null || ReviewCursor.TryParse(c, out _)).WithMessage("Ce curseur ne vient pas de cette liste.", "هذا المؤشر لا يعود إلى هذه القائمة.");
    }
}

internal static class ReviewCursor
{
    public static string Of(DateTimeOffset submittedAt, Guid id) =>
        Cursor.Encode(string.Create(CultureInfo.InvariantCulture, $"{submittedAt.UtcTicks}|{id}"));

    public static bool TryParse(string cursor, out (DateTimeOffset SubmittedAt, Guid Id) position)
    {
        position = default;
        var parts = Cursor.Decode(cursor)?.Split('|');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParse(parts[1], out var id))
        {
            return false;
        }

        position = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

internal sealed class GetReviewQueueHandler(IRegistryDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetReviewQueue, Page<ReviewQueueItem>>
{
    public async ValueTask<Page<ReviewQueueItem>> Handle(GetReviewQueue query, CancellationToken cancellationToken)
    {
        var status = query.Status ?? ApplicationStatus.Submitted;
        var applications = db.Applications.AsNoTracking().InRegionsOf(currentUser).Where(a => a.Status == status);
        if (query.LegalForm is { } form)
        {
            applications = applications.Where(a => a.LegalForm == form);
        }

        if (query.RegionCode is { } region)
        {
            applications = applications.Where(a => a.RegionCode == region);
        }

        if (query.SubmittedSince is { } since)
        {
            var start = (DateTimeOffset?)LegalCalendar.StartOf(since).ToUniversalTime();
            applications = applications.Where(a => a.SubmittedAt >= start);
        }

        if (query.Cursor is not null && ReviewCursor.TryParse(query.Cursor, out var after))
        {
            applications = applications.Where(a =>
                EF.Functions.GreaterThan(ValueTuple.Create(a.SubmittedAt, a.Id), ValueTuple.Create((DateTimeOffset?)after.SubmittedAt, after.Id)));
        }

        var items = await applications
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Take(query.Limit + 1)
            .Select(a => new ReviewQueueItem(a.Id, a.Status, a.LegalForm, a.NameAr, a.NameLatin, a.ProvinceCode, a.RegionCode, a.SubmittedAt, a.Members.Count))
            .ToListAsync(cancellationToken);

        var next = items.Count > query.Limit ? ReviewCursor.Of(items[query.Limit - 1].SubmittedAt!.Value, items[query.Limit - 1].Id) : null;
        return new Page<ReviewQueueItem>([.. items.Take(query.Limit)], next);
    }
}
