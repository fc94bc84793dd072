using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Reference;

/// <summary>
/// A region, province or sector code a client sent: its shape, then whether the registry has it (an unknown code is a
/// mistake to answer with a 400, not a filter that silently matches nothing), against <see cref="ReferenceCodes"/>.
/// One rule per kind of code, for every query that filters by them (statistics, the public search).
/// </summary>
public static class ReferenceCodeRules
{
    public static IRuleBuilderOptions<T, string?> KnownRegion<T>(this IRuleBuilder<T, string?> rule, ReferenceCodes reference) =>
        rule.Matches("^[0-9]{2}$")
            .MustAsync(async (code, ct) => code is null || (await reference.GetAsync(ct)).Regions.Contains(code))
            .WithMessage("Région inconnue : un code de 01 à 12.", "جهة غير معروفة: رمز من 01 إلى 12.");

    public static IRuleBuilderOptions<T, string?> KnownProvince<T>(this IRuleBuilder<T, string?> rule, ReferenceCodes reference) =>
        rule.Matches("^[0-9]{3}$")
            .MustAsync(async (code, ct) => code is null || (await reference.GetAsync(ct)).Provinces.Contains(code))
            .WithMessage("Province ou préfecture inconnue.", "عمالة أو إقليم غير معروف.");

    public static IRuleBuilderOptions<T, string?> KnownSector<T>(this IRuleBuilder<T, string?> rule, ReferenceCodes reference) =>
        rule.Matches("^[A-Z_]{1,20}$")
            .MustAsync(async (code, ct) => code is null || (await reference.GetAsync(ct)).Sectors.Contains(code))
            .WithMessage("Secteur d'activité inconnu.", "قطاع نشاط غير معروف.");
}
