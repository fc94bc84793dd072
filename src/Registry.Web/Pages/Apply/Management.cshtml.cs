using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Applications;
using Registry.Domain.Applications;
using Registry.Domain.Reference;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>An officer as typed in the form.</summary>
public sealed class OfficerRow
{
    public string? Role { get; set; }
    public string? FullNameAr { get; set; }
    public string? FullNameLatin { get; set; }
    public string? Cin { get; set; }
    public string? BirthDate { get; set; }
    public string? Nationality { get; set; }
    public string? Profession { get; set; }
    public string? Address { get; set; }
    public string? MandateStart { get; set; }
    public string? MandateEnd { get; set; }
    public bool IsParticipatingMember { get; set; } = true;

    public bool IsBlank => new[] { FullNameAr, FullNameLatin, Cin, BirthDate, Profession, Address, MandateStart, MandateEnd }.All(string.IsNullOrWhiteSpace);

    public static OfficerRow Of(OfficerView o) => new()
    {
        Role = o.Role.ToString(), FullNameAr = o.FullNameAr, FullNameLatin = o.FullNameLatin, Cin = o.Cin, BirthDate = Wizard.IsoDate(o.BirthDate),
        Nationality = o.Nationality, Profession = o.Profession, Address = o.Address, MandateStart = Wizard.IsoDate(o.MandateStart),
        MandateEnd = Wizard.IsoDate(o.MandateEnd), IsParticipatingMember = o.IsParticipatingMember,
    };

    /// <summary>The officer as the use case's input; <paramref name="list"/> is the form's name for the list (its fields' ids start with it).</summary>
    public OfficerInput? ToInput(int index, FormReader read, string list = "officers")
    {
        var id = $"{list}-{index}-";
        var role = read.Choice<OfficerRole>(Role, id + "role", ApplyText.ChooseRole);
        var birth = read.Date(BirthDate, id + "birthDate", required: false);
        var start = read.Date(MandateStart, id + "mandateStart", required: true);
        var end = read.Date(MandateEnd, id + "mandateEnd", required: true);
        return role is null || start is null || end is null
            ? null
            : new OfficerInput(role.Value, FullNameAr, FullNameLatin, Cin, birth, Nationality, Profession, Address, start.Value, end.Value, IsParticipatingMember);
    }
}

/// <summary>Step 4: management (managers or board members with their roles and mandates); rows are added and removed as on the members step.</summary>
[RequestFormLimits(ValueCountLimit = MaxFormValues)]
public sealed class ManagementModel(ISender sender) : ApplyPageModel(sender)
{
    public const int MaxFormValues = (ApplicationInputValidator.MaxOfficers + 10) * 13;

    public override Step Step => Step.Management;

    [BindProperty(Name = "officers")]
    public List<OfficerRow> Rows { get; set; } = [];

    [BindProperty(Name = "action")]
    public string? Action { get; set; }

    public bool IsMutual => Application?.LegalForm == LegalForm.MUTU;

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Rows = [.. Application!.Officers.Select(OfficerRow.Of)];
        if (Rows.Count == 0)
        {
            Rows.Add(new OfficerRow());
        }

        Version = Application.Version;
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Clear();
        switch (Action)
        {
            case "add":
                Rows.Add(new OfficerRow());
                return Page();
            case { } remove when remove.StartsWith("remove-officers-", StringComparison.Ordinal):
                if (int.TryParse(remove.AsSpan("remove-officers-".Length), out var index) && index >= 0 && index < Rows.Count)
                {
                    Rows.RemoveAt(index);
                }

                return Page();
        }

        Rows = [.. Rows.Where(r => !r.IsBlank)];
        var read = new FormReader(ModelState);
        var officers = Rows.Select((row, i) => row.ToInput(i, read)).ToList();
        if (ModelState.IsValid && await SaveAsync(Wizard.ToInput(Application!) with { Officers = [.. officers.OfType<OfficerInput>()] }, cancellationToken))
        {
            return Continue();
        }

        return Page();
    }
}
