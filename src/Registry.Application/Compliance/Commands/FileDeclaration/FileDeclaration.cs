using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Applications;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Validation;
using Registry.Application.Documents;
using Registry.Application.Organizations;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Compliance;
using Registry.Domain.Legal;
using Registry.Domain.Organizations;

namespace Registry.Application.Compliance.Commands.FileDeclaration;

/// <summary>The body of a declaration; which fields matter depends on its kind.</summary>
public sealed record DeclarationInput(
    [property: System.Text.Json.Serialization.JsonRequired] DeclarationKind Kind,
    DateOnly EffectiveOn,
    int? FinancialYear = null,
    decimal? Turnover = null,
    IReadOnlyList<OfficerInput>? Officers = null,
    IReadOnlyList<MemberInput>? Joining = null,
    IReadOnlyList<string>? Leaving = null,
    bool NoChange = false,
    DateOnly? NewMandateEnd = null,
    int? MemberCount = null,
    decimal? Investments = null,
    decimal? Income = null,
    decimal? Expenses = null);

/// <summary>
/// The owner declares an assembly, accounts, management or member changes, an association's board change or
/// a mutual's annual return, with its supporting document (required for an assembly's minutes and for the
/// accounts), saved in the same transaction. The organisation's compliance is re-evaluated right after the commit.
/// </summary>
public sealed record FileDeclaration(string RegistrationNumber, DeclarationInput Input, string? IdempotencyKey = null, UploadedFile? Document = null)
    : ICommand<FiledDeclaration>, IIdempotentCommand;

public sealed record FiledDeclaration(
    Guid Id, string RegistrationNumber, DeclarationKind Kind, DateOnly EffectiveOn, int MemberCount, int WomenMemberCount, DeclarationDocument? Document);

public sealed class FileDeclarationValidator : AbstractValidator<FileDeclaration>
{
    public FileDeclarationValidator(TimeProvider clock)
    {
        RuleFor(x => x.Input).NotNull();
        RuleFor(x => x.Input.Kind).IsInEnum();
        RuleFor(x => x.Document).NotNull().When(x => x.Input is not null && Declaration.RequiresDocument(x.Input.Kind))
            .OverridePropertyName("document")
            .WithMessage(x => x.Input.Kind == DeclarationKind.GeneralAssembly
                ? Localized.Text(
                    "Joignez le procès-verbal de l'assemblée (PDF, JPEG ou PNG) dans la partie 'document' d'une requête multipart/form-data.",
                    "أرفق محضر الجمع العام (PDF أو JPEG أو PNG) في الجزء 'document' من طلب multipart/form-data.")
                : Localized.Text(
                    "Joignez les comptes (PDF, JPEG ou PNG) dans la partie 'document' d'une requête multipart/form-data.",
                    "أرفق الحسابات (PDF أو JPEG أو PNG) في الجزء 'document' من طلب multipart/form-data."));
        RuleFor(x => x.Document!).SetValidator(new UploadedFileValidator()).When(x => x.Document is not null).OverridePropertyName("document");
        RuleFor(x => x.Input.EffectiveOn).InclusiveBetween(new DateOnly(1950, 1, 1), new DateOnly(2100, 1, 1))
            .Must(d => d <= LegalCalendar.Today(clock)).WithMessage("Une déclaration porte sur un fait déjà survenu.", "يتعلق التصريح بواقعة حدثت بالفعل.");
        RuleFor(x => x.Input.FinancialYear).NotNull().InclusiveBetween(1950, 2100)
            .When(x => x.Input.Kind is DeclarationKind.AnnualAccounts or DeclarationKind.MutualAnnualReturn);
        RuleFor(x => x.Input.Turnover).NotNull().When(x => x.Input.Kind == DeclarationKind.AnnualAccounts);
        RuleFor(x => x.Input.Turnover).InclusiveBetween(0m, 1_000_000_000_000m);
        RuleFor(x => x.Input.FinancialYear).InclusiveBetween(1950, 2100)
            .Must((x, year) => year is null || year <= x.Input.EffectiveOn.Year).WithMessage(
                "Les comptes ou l'état annuel d'un exercice se déclarent après cet exercice, pas avant.",
                "تصرح حسابات السنة المالية أو بيانها السنوي بعد انتهائها لا قبلها.");
        RuleFor(x => x.Input.Investments).InclusiveBetween(0m, 1_000_000_000_000m);
        RuleFor(x => x.Input.Income).InclusiveBetween(0m, 1_000_000_000_000m);
        RuleFor(x => x.Input.Expenses).InclusiveBetween(0m, 1_000_000_000_000m);
        RuleFor(x => x.Input.Officers).NotEmpty().Must(o => o is null || o.Count <= ApplicationInputValidator.MaxOfficers)
            .When(x => x.Input.Kind == DeclarationKind.ManagementChange || (x.Input.Kind == DeclarationKind.BoardChange && !x.Input.NoChange));
        RuleForEach(x => x.Input.Officers).NotNull().SetValidator(new OfficerInputValidator());
        RuleFor(x => x.Input.NewMandateEnd).NotNull().GreaterThan(x => x.Input.EffectiveOn)
            .When(x => x.Input.Kind == DeclarationKind.BoardChange && x.Input.NoChange);
        RuleFor(x => x.Input).Must(i => (i.Joining?.Count ?? 0) + (i.Leaving?.Count ?? 0) > 0)
            .When(x => x.Input.Kind == DeclarationKind.MemberChange).WithMessage("Indiquez les membres entrés ou sortis.", "اذكر الأعضاء الذين انضموا أو غادروا.");
        RuleFor(x => x.Input.Joining).Must(j => j is null || j.Count <= ApplicationInputValidator.MaxMembers);
        RuleForEach(x => x.Input.Joining).NotNull().SetValidator(new MemberInputValidator());
        RuleForEach(x => x.Input.Leaving).NotEmpty().Text(40);
        RuleFor(x => x.Input.MemberCount).NotNull().InclusiveBetween(0, 10_000_000).When(x => x.Input.Kind == DeclarationKind.MutualAnnualReturn);
        RuleFor(x => x.Input.Investments).NotNull().GreaterThanOrEqualTo(0).When(x => x.Input.Kind == DeclarationKind.MutualAnnualReturn);
        RuleFor(x => x.Input.Income).NotNull().GreaterThanOrEqualTo(0).When(x => x.Input.Kind == DeclarationKind.MutualAnnualReturn);
        RuleFor(x => x.Input.Expenses).NotNull().GreaterThanOrEqualTo(0).When(x => x.Input.Kind == DeclarationKind.MutualAnnualReturn);
    }
}

internal sealed class FileDeclarationHandler(
    IRegistryDbContext db, OrganizationRefusals refusals, AfterCommit afterCommit, IBackgroundJobs jobs, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<FileDeclaration, FiledDeclaration>
{
    public async ValueTask<FiledDeclaration> Handle(FileDeclaration command, CancellationToken cancellationToken)
    {
        var owner = currentUser.UserId;
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.RegistrationNumber == command.RegistrationNumber && o.OwnerId == owner, cancellationToken)
            ?? throw await refusals.NotFoundAsync(command.RegistrationNumber, "organization.declare", cancellationToken);

        var input = command.Input;
        var now = clock.GetUtcNow();
        var today = LegalCalendar.Today(clock);
        object? details = null;
        switch (input.Kind)
        {
            case DeclarationKind.ManagementChange:
            case DeclarationKind.BoardChange when !input.NoChange:
                List<Officer> officers = [.. input.Officers!.Select(ApplicationDetailsResolver.ToOfficer)];
                RefuseUnlawfulPersons(organization, [], officers, input.EffectiveOn);
                organization.ReplaceOfficers(officers);
                details = new { officers = input.Officers!.Count };
                break;
            case DeclarationKind.BoardChange:
                // The same board continues: its mandates run to the new end the general assembly set.
                organization.ReplaceOfficers([.. organization.Officers.Select(o => Officer.Create(o.Role, o.FullNameAr, o.FullNameLatin, o.Cin, o.BirthDate,
                    o.Nationality, o.Profession, o.Address, input.EffectiveOn, input.NewMandateEnd!.Value, o.IsParticipatingMember))]);
                details = new { noChange = true, newMandateEnd = input.NewMandateEnd };
                break;
            case DeclarationKind.MemberChange:
                List<Member> joining = [.. (input.Joining ?? []).Select(ApplicationDetailsResolver.ToMember)];
                RefuseUnknownLeavers(organization, input.Leaving ?? []);
                RefuseUnlawfulPersons(organization, joining, [], input.EffectiveOn, input.Leaving ?? []);
                organization.ChangeMembers(joining, [.. input.Leaving ?? []], today);
                details = new { joined = input.Joining?.Count ?? 0, left = input.Leaving?.Count ?? 0 };
                break;
            case DeclarationKind.MutualAnnualReturn:
                details = new { memberCount = input.MemberCount, investments = input.Investments, income = input.Income, expenses = input.Expenses };
                break;
        }

        DeclarationDocument? document = null;
        if (command.Document is { } file)
        {
            var (format, sha256) = file.Inspect();
            document = new DeclarationDocument(format.ContentType, file.FileName.Trim(), file.Content.LongLength, sha256);
        }

        organization.RecordDeclaration(input.Kind, input.EffectiveOn, input.FinancialYear, today, now, document?.Sha256);
        var declaration = Declaration.File(organization.Id, input.Kind, input.EffectiveOn, input.FinancialYear, input.Turnover,
            details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web), currentUser.RequireUserId(), now, document);
        db.Declarations.Add(declaration);
        if (command.Document is { } stored)
        {
            db.DeclarationDocumentContents.Add(DeclarationDocumentContent.Of(declaration.Id, stored.Content));
        }

        var organizationId = organization.Id;
        afterCommit.Add(() => jobs.EvaluateOrganization(organizationId));
        return new FiledDeclaration(declaration.Id, organization.RegistrationNumber, input.Kind, input.EffectiveOn, organization.MemberCount, organization.WomenMemberCount, document);
    }

    /// <summary>
    /// New members and officers are held to the law's rules about persons (SPEC §4: a well-formed CIN that no other
    /// member holds; of age on the declared date), for what is declared about them: 422 with the broken rules. Members
    /// who are leaving in the same declaration do not count as holding their CIN.
    /// </summary>
    private static void RefuseUnlawfulPersons(
        Organization organization, IReadOnlyList<Member> joining, IReadOnlyList<Officer> officers, DateOnly on, IReadOnlyList<string>? leaving = null)
    {
        var cins = joining.Select(m => m.Cin).Concat(officers.Select(o => o.Cin)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var sameCin = organization.Members
            .Where(m => m.Cin is { } cin && cins.Contains(cin) && !(leaving ?? []).Contains(cin, StringComparer.Ordinal))
            .ToList();
        var broken = RuleBook.EvaluateNewPersons(organization.LegalForm, joining, officers, sameCin, on);
        if (broken.Count > 0)
        {
            throw new RuleViolationException(broken);
        }
    }

    /// <summary>A leaving member is named by a CIN (or a legal person's identifier) of a current member; anything else is a typo.</summary>
    private static void RefuseUnknownLeavers(Organization organization, IReadOnlyList<string> leaving)
    {
        var members = organization.Members.Select(m => m.Cin ?? m.LegalIdentifier).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var failures = leaving
            .Select((identifier, i) => (identifier, i))
            .Where(l => !members.Contains(l.identifier))
            .Select(l => new FluentValidation.Results.ValidationFailure($"leaving[{l.i}]", Localized.Text(
                $"Aucun membre n'a le numéro « {l.identifier} ».", $"لا يوجد عضو يحمل الرقم «{l.identifier}».")))
            .ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
