using FluentValidation;
using Registry.Application.Common.Validation;
using Registry.Application.Common.Interfaces;
using Registry.Application.Reference;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Statistics;

internal static class StatisticsQueryValidation
{
    public const int MaxGroupBy = 2;

    /// <summary>
    /// The filters' shape, then whether each code is one the registry has (<see cref="ReferenceCodeRules"/>: an unknown
    /// region, province or sector would silently give empty tables).
    /// </summary>
    public static void Filters<T>(AbstractValidator<T> validator, ReferenceCodes reference, Func<T, StatisticsFilter> filter, Func<T, IReadOnlyList<StatisticsDimension>> groupBy)
    {
        validator.RuleFor(x => groupBy(x)).Must(g => g.Count <= MaxGroupBy && g.Distinct().Count() == g.Count)
            .WithName("groupBy").WithMessage(
                $"Regroupez par {MaxGroupBy} dimensions différentes au plus, chacune une seule fois.",
                $"جمع حسب بعدين مختلفين على الأكثر، كل منهما مرة واحدة.");
        validator.RuleForEach(x => groupBy(x)).IsInEnum().WithName("groupBy");
        validator.RuleFor(x => filter(x).Region).Cascade(CascadeMode.Stop).KnownRegion(reference).WithName("region");
        validator.RuleFor(x => filter(x).Province).Cascade(CascadeMode.Stop).KnownProvince(reference).WithName("province");
        validator.RuleFor(x => filter(x).LegalForm).Must(f => f is null || Enum.TryParse<LegalForm>(f, out _)).WithName("legalForm").WithMessage("Forme juridique inconnue.", "شكل قانوني غير معروف.");
        validator.RuleFor(x => filter(x).Status).Must(s => s is null || Enum.TryParse<OrganizationStatus>(s, out _)).WithName("status").WithMessage("Statut inconnu.", "وضعية غير معروفة.");
        validator.RuleFor(x => filter(x).Sector).Cascade(CascadeMode.Stop).KnownSector(reference).WithName("sector");
        validator.RuleFor(x => filter(x).Year).InclusiveBetween(1900, 2100).WithName("year");
    }
}
