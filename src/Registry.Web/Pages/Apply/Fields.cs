namespace Registry.Web.Pages.Apply;

/// <summary>An input whose name differs from its id (rows of a list: <c>Members[2].Cin</c> is <c>members-2-cin</c>), rendered by <c>_Input.cshtml</c>.</summary>
public sealed record InputField(string Id, string Name, string Label, string? Value, string? Error, string Type = "text", string? Hint = null, string? Dir = null, string? Autocomplete = null);

/// <summary>A labelled list of choices, optionally grouped (provinces by region), rendered by <c>_Select.cshtml</c>.</summary>
public sealed record SelectField(string Id, string Name, string Label, string? Value, string? Error, IReadOnlyList<SelectOption> Options, string? Hint = null);

public sealed record SelectOption(string Value, string Text, string? Group = null);

/// <summary>A member's row of a form (<c>_MemberRow.cshtml</c>): its fields are named <c>{List}[{Index}].x</c>, their ids <c>{List}-{Index}-x</c>.</summary>
public sealed record MemberRowView(MemberRow Row, int Index, string List, bool HasShares, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState)
{
    public string? Error(string field) => FormErrors.For(ModelState, field);
}

/// <summary>An officer's row of a form (<c>_OfficerRow.cshtml</c>), named as <see cref="MemberRowView"/>'s.</summary>
public sealed record OfficerRowView(OfficerRow Row, int Index, string List, bool IsMutual, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState)
{
    public string? Error(string field) => FormErrors.For(ModelState, field);
}
