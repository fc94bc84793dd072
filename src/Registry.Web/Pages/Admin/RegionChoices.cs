using Registry.Application.Reference.Queries.GetRegions;

namespace Registry.Web.Pages.Admin;

/// <summary>The 12 regions as checkboxes, rendered by <c>_RegionChoices.cshtml</c>.</summary>
public sealed record RegionChoices(IReadOnlyList<RegionView> Regions, IReadOnlyCollection<string> Checked, string? Error, string Hint);
