using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Registry.Web.Pages;

/// <summary>A labelled input (label above, hint, the error next to it), rendered by <c>_Field.cshtml</c>.</summary>
public sealed record Field(string Id, string Label, string? Value, string? Error, string Type = "text", string? Hint = null, string? Autocomplete = null, string? Dir = null);

public static class FormErrors
{
    /// <summary>The first error of a field, keyed by its input's id, shown next to the field and in the summary.</summary>
    public static string? For(ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
