using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Applications;
using Registry.Domain.Applications;
using Registry.Domain.Reference;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>A member as typed in the form (text: a hand-made request may send anything).</summary>
public sealed class MemberRow
{
    public string? Kind { get; set; }
    public string? FullNameAr { get; set; }
    public string? FullNameLatin { get; set; }
    public string? Cin { get; set; }
    public string? BirthDate { get; set; }
    public string? Gender { get; set; }
    public string? Nationality { get; set; }
    public string? Address { get; set; }
    public string? LegalName { get; set; }
    public string? LegalIdentifier { get; set; }
    public string? SharesSubscribed { get; set; }
    public string? SharesPaid { get; set; }

    public bool IsLegalPerson => Kind == nameof(MemberKind.LegalPerson);

    public bool IsBlank => new[] { FullNameAr, FullNameLatin, Cin, BirthDate, Address, LegalName, LegalIdentifier, SharesSubscribed, SharesPaid }
        .All(string.IsNullOrWhiteSpace);

    public static MemberRow Of(MemberView m) => new()
    {
        Kind = m.Kind.ToString(), FullNameAr = m.FullNameAr, FullNameLatin = m.FullNameLatin, Cin = m.Cin, BirthDate = Wizard.IsoDate(m.BirthDate),
        Gender = m.Gender?.ToString(), Nationality = m.Nationality, Address = m.Address, LegalName = m.LegalName, LegalIdentifier = m.LegalIdentifier,
        SharesSubscribed = m.SharesSubscribed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SharesPaid = m.SharesPaid.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The member as the use case's input; <paramref name="list"/> is the form's name for the list (its fields' ids start with it).</summary>
    public MemberInput ToInput(int index, FormReader read, string list = "members")
    {
        var id = $"{list}-{index}-";
        var kind = read.Choice<MemberKind>(Kind, id + "kind", null) ?? MemberKind.NaturalPerson;
        var legal = kind == MemberKind.LegalPerson;
        return new MemberInput(
            kind, legal ? null : FullNameAr, legal ? null : FullNameLatin, legal ? null : Cin,
            legal ? null : read.Date(BirthDate, id + "birthDate", required: false),
            legal ? null : read.Choice<Domain.Applications.Gender>(Gender, id + "gender", string.IsNullOrEmpty(Gender) ? null : ApplyText.ChooseGender),
            legal ? null : Nationality, legal ? null : Address, legal ? LegalName : null, legal ? LegalIdentifier : null,
            read.Whole(SharesSubscribed, id + "sharesSubscribed"), read.Whole(SharesPaid, id + "sharesPaid"));
    }
}

/// <summary>
/// Step 3: the members. Without script, "add" is a submit button that adds an empty row and "remove" one that drops a
/// row; neither saves. "Save and continue" sends the whole list (blank rows left out) through the API's use case.
/// </summary>
[RequestFormLimits(ValueCountLimit = MaxFormValues)]
public sealed class MembersModel(ISender sender) : ApplyPageModel(sender)
{
    /// <summary>Room for the API's maximum of members, a dozen fields each.</summary>
    public const int MaxFormValues = (ApplicationInputValidator.MaxMembers + 10) * 13;

    public override Step Step => Step.Members;

    [BindProperty(Name = "members")]
    public List<MemberRow> Rows { get; set; } = [];

    [BindProperty(Name = "action")]
    public string? Action { get; set; }

    public bool HasShares => Application?.LegalForm is LegalForm.COOP or LegalForm.UNION;

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Rows = [.. Application!.Members.Select(MemberRow.Of)];
        if (Rows.Count == 0)
        {
            Rows.Add(new MemberRow { Kind = nameof(MemberKind.NaturalPerson) });
        }

        Version = Application.Version;
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Clear();
        switch (Action)
        {
            case "add-person" or "add-legal-person":
                Rows.Add(new MemberRow { Kind = Action == "add-person" ? nameof(MemberKind.NaturalPerson) : nameof(MemberKind.LegalPerson) });
                return Page();
            case { } remove when remove.StartsWith("remove-members-", StringComparison.Ordinal):
                if (int.TryParse(remove.AsSpan("remove-members-".Length), out var index) && index >= 0 && index < Rows.Count)
                {
                    Rows.RemoveAt(index);
                }

                return Page();
        }

        Rows = [.. Rows.Where(r => !r.IsBlank)];
        var read = new FormReader(ModelState);
        var members = Rows.Select((row, i) => row.ToInput(i, read)).ToList();
        if (ModelState.IsValid && await SaveAsync(Wizard.ToInput(Application!) with { Members = members }, cancellationToken))
        {
            return Continue();
        }

        return Page();
    }
}
