using FluentValidation;
using Registry.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Organizations;
using Registry.Domain.Compliance;

namespace Registry.Application.Compliance.Queries.GetFindings;

/// <summary>
/// The findings of the official's regions, or of the applicant's own organisations (escalated ones carry a proposed
/// action), keyset-paginated by id; narrowed by stage, rule, province and region (a region outside the caller's
/// narrows them to nothing).
/// </summary>
public sealed record GetFindings(
    FindingStage? Stage, string? RuleCode, string? ProvinceCode, string? Cursor, int Limit = Common.Paging.Cursor.DefaultLimit, string? RegionCode = null)
    : IQuery<Page<FindingView>>;

public sealed class GetFindingsValidator : AbstractValidator<GetFindings>
{
    public GetFindingsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Common.Paging.Cursor.MaxLimit);
        RuleFor(x => x.Stage).IsInEnum();
        RuleFor(x => x.RuleCode).Must(c => c is null || ComplianceRules.All.Any(r => r.Code == c)).WithMessage("Code de règle inconnu.", "رمز قاعدة غير معروف.");
        RuleFor(x => x.ProvinceCode).Matches("^[0-9]{3}$");
        RuleFor(x => x.RegionCode).Matches("^[0-9]{2}$").WithMessage("Code de région inconnu.", "رمز جهة غير معروف.");
        RuleFor(x => x.Cursor).Must(c => c is null || long.TryParse(Common.Paging.Cursor.Decode(c), out _)).WithMessage("Ce curseur ne vient pas de cette liste.", "هذا المؤشر لا يعود إلى هذه القائمة.");
    }
}

internal sealed class GetFindingsHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<GetFindings, Page<FindingView>>
{
    public async ValueTask<Page<FindingView>> Handle(GetFindings query, CancellationToken cancellationToken)
    {
        // An official's regions, or an owner's own organisations (SPEC §8: owner, official), in the query itself.
        var organizations = db.Organizations.ManagedBy(currentUser);
        if (query.RegionCode is { } region)
        {
            organizations = organizations.Where(o => o.RegionCode == region);
        }

        var rows = db.Findings.AsNoTracking()
            .Join(organizations, f => f.OrganizationId, o => (Guid?)o.Id, (f, o) => new { Finding = f, o.RegistrationNumber, o.ProvinceCode });
        if (query.Stage is { } stage)
        {
            rows = rows.Where(r => r.Finding.Stage == stage);
        }

        if (query.RuleCode is { } rule)
        {
            rows = rows.Where(r => r.Finding.RuleCode == rule);
        }

        if (query.ProvinceCode is { } province)
        {
            rows = rows.Where(r => r.ProvinceCode == province);
        }

        if (long.TryParse(Common.Paging.Cursor.Decode(query.Cursor), out var after))
        {
            rows = rows.Where(r => r.Finding.Id > after);
        }

        var page = await rows.OrderBy(r => r.Finding.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > query.Limit ? Common.Paging.Cursor.Encode(page[query.Limit - 1].Finding.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return new Page<FindingView>([.. page.Take(query.Limit).Select(r => FindingView.Of(r.Finding, r.RegistrationNumber))], next);
    }
}
