using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Registry.Web.Pages;

/// <summary>A labelled input (label above, hint, the error next to it), rendered by <c>_Field.cshtml</c>.</summary>
/// <remarks>
/// Dates are native <c>type="date"</c> inputs everywhere, with no format in their hint: the browser shows its own
/// picker in the person's language and format (28/03/2026, or mm/dd/yyyy) and always sends 2026-03-28, so a hint
/// spelling out a format would contradict what the person sees. It needs no script. A browser without a date input
/// shows a plain text box: the server then also reads 28/03/2026, and its error message gives an example.
/// <c>Max</c> is a date's latest value (ISO), so that the picker offers no later day; the server checks it again.
/// </remarks>
public sealed record Field(string Id, string Label, string? Value, string? Error, string Type = "text", string? Hint = null, string? Autocomplete = null,
    string? Dir = null, string? Max = null);

/// <summary>A message of the page's error summary and where its link leads (a field of this page, or another step's).</summary>
public sealed record ErrorLink(string Message, string Href);

/// <summary>
/// The errors of a form and their summary. The summary lists them in the order of the fields on the page, not in
/// ModelState's (which sorts its keys): each field partial notes its id as it is rendered (<see cref="Rendered"/>), and
/// the layout renders the summary after the page's body has run, above it.
/// </summary>
public static class FormErrors
{
    private const string RenderedKey = "Registry.Web.RenderedFields";

    /// <summary>The page's own list of summary links (the application's steps: links to other steps, broken rules).</summary>
    public const string LinksKey = "ErrorLinks";

    /// <summary>Notes that the field (or section) with this id was rendered, in the page's order; returns the id.</summary>
    public static string Rendered(HttpContext context, string id)
    {
        if (context.Items[RenderedKey] is not List<string> ids)
        {
            context.Items[RenderedKey] = ids = [];
        }

        ids.Add(id);
        return id;
    }

    /// <summary>
    /// What the summary lists: the page's own links, or else every error of ModelState linked to its field; those whose
    /// field was rendered in the order of the fields, then the others (another step's, the form's own) as they came.
    /// </summary>
    public static IReadOnlyList<ErrorLink> Summary(ViewContext view)
    {
        var links = view.ViewData[LinksKey] as IReadOnlyList<ErrorLink>
            ?? [.. view.ModelState.SelectMany(e => e.Value!.Errors.Select(error => new ErrorLink(error.ErrorMessage, "#" + e.Key)))];
        var rendered = view.HttpContext.Items[RenderedKey] as List<string> ?? [];
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rendered.Count; i++)
        {
            position.TryAdd(rendered[i], i);
        }

        return [.. links
            .Select((link, index) => (link, index, at: link.Href.StartsWith('#') && position.TryGetValue(link.Href[1..], out var at) ? at : int.MaxValue))
            .OrderBy(x => x.at).ThenBy(x => x.index).Select(x => x.link)];
    }

    /// <summary>The first error of a field, keyed by its input's id, shown next to the field and in the summary.</summary>
    public static string? For(ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
