using Microsoft.AspNetCore.Mvc.ModelBinding;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Review;

/// <summary>What the official's filter forms share: their addresses, and their binding errors in the page's language.</summary>
internal static class ReviewFilters
{
    /// <summary>A value no list offers (a hand-made address) is said in the page's language, not in MVC's English.</summary>
    public static void ReplaceBindingErrors(ModelStateDictionary modelState)
    {
        foreach (var field in modelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            modelState[field]!.Errors.Clear();
            modelState.AddModelError(field, UiText.ChooseFromList);
        }
    }

    public static string Url(string path, params (string Key, string? Value)[] parameters) =>
        path + Microsoft.AspNetCore.Http.QueryString.Create(
            parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}

/// <summary>A labelled list of a filter form, with its error next to it, rendered by <c>_FilterSelect.cshtml</c>; <paramref name="Any"/> is the "no filter" choice's text, if it has one.</summary>
public sealed record FilterSelect(string Id, string Label, IReadOnlyList<KeyValuePair<string, string>> Options, string? Selected, string? Error, string? Any);
