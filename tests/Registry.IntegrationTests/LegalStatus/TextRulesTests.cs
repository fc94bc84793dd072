using System.Globalization;
using FluentValidation;
using Registry.Application.Common.Validation;
using Registry.Application.NameReservations.Commands.ReserveName;
using Registry.Domain.Reference;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>
/// The rules (no database) that the API's validators and the bulk import share: a caller checking one rule at a time
/// (<see cref="TextRules.CheckOrganizationName"/>, <see cref="TextRules.IsEmailAddress"/>) accepts exactly what the
/// validators accept, so the two cannot drift apart.
/// </summary>
public sealed class TextRulesTests
{
    public static TheoryData<string, bool> Names => new()
    {
        { "Coopérative Al Amal", false },
        { "Coopérative 2025", false },
        { "2M Coopérative", false },
        { "  Coopérative Al Amal", false }, // spaces first: its first character is a letter
        { "Coopérative", false }, // only the legal form
        { "Union des Coopératives", false },
        { "=HYPERLINK(\"http://evil\")", false },
        { "+1+1", false },
        { "-2+3", false },
        { "@SUM(A1)", false },
        { "«Al Amal»", false },
        { "جمعية الأمل للتنمية", true },
        { "جمعية ANMAR", true }, // as many Latin letters as Arabic ones
        { "تعاونية", true },
        { "التعاونية", true },
        { "جمعية تعاونية", true },
        { "تعاونية الأمل", false }, // an Arabic name in the Latin field
        { "Coopérative Al Amal pour l'argan", true }, // a Latin one in the Arabic field
        { "=تعاونية", true },
        { new string('a', 200), false },
        { new string('a', 201), false },
        { new string('ب', 201), true },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void An_organisation_name_is_refused_by_the_shared_check_exactly_when_the_validator_refuses_it(string name, bool arabic)
    {
        var command = arabic ? new ReserveName(LegalForm.COOP, name, null) : new ReserveName(LegalForm.COOP, null, name);
        var field = arabic ? nameof(ReserveName.NameAr) : nameof(ReserveName.NameLatin);

        var refusedByValidator = new ReserveNameValidator().Validate(command).Errors.Any(e => e.PropertyName == field);
        var fault = TextRules.CheckOrganizationName(name, arabic ? NameScript.Arabic : NameScript.Latin);

        Assert.Equal(refusedByValidator, fault is not null);
    }

    [Theory]
    [InlineData("Coopérative", NameScript.Latin, OrganizationNameFault.OnlyLegalForm)]
    [InlineData("تعاونية", NameScript.Latin, OrganizationNameFault.OnlyLegalForm)] // the import's first reason: the legal form
    [InlineData("تعاونية الأمل", NameScript.Latin, OrganizationNameFault.WrongScript)]
    [InlineData("Al Amal", NameScript.Arabic, OrganizationNameFault.WrongScript)]
    [InlineData("=Al Amal", NameScript.Latin, OrganizationNameFault.FirstCharacter)]
    [InlineData("Al Amal", NameScript.Latin, null)]
    [InlineData("", NameScript.Latin, null)]
    [InlineData(null, NameScript.Arabic, null)]
    public void The_shared_check_names_the_first_rule_a_name_breaks(string? name, NameScript script, OrganizationNameFault? expected) =>
        Assert.Equal(expected, TextRules.CheckOrganizationName(name, script));

    [Fact]
    public void A_name_longer_than_200_characters_is_too_long_whatever_else_is_wrong() =>
        Assert.Equal(OrganizationNameFault.TooLong, TextRules.CheckOrganizationName("=" + new string('a', 200), NameScript.Latin));

    public sealed record Box(string? Value);

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("en")]
    public void The_shared_email_rule_refuses_what_FluentValidations_EmailAddress_refuses_with_its_code_and_message(string language)
    {
        var fluent = new InlineValidator<Box>();
        fluent.RuleFor(x => x.Value).EmailAddress();
        var shared = new InlineValidator<Box>();
        shared.RuleFor(x => x.Value).Email();
        string?[] values = [null, "a@b", "a@b.ma", "contact@coop.ma", "@coop.ma", "contact@", "a@b@c", "no at sign", "", " @x", "a @ b", "a@", "@"];
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            foreach (var value in values)
            {
                var expected = fluent.Validate(new Box(value)).Errors.Select(e => (e.ErrorCode, e.ErrorMessage)).ToList();
                var actual = shared.Validate(new Box(value)).Errors.Select(e => (e.ErrorCode, e.ErrorMessage)).ToList();

                Assert.Equal(expected, actual);
                Assert.Equal(expected.Count == 0, TextRules.IsEmailAddress(value));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void The_shared_email_rule_refuses_an_address_longer_than_254_characters_or_holding_control_characters()
    {
        var shared = new InlineValidator<Box>();
        shared.RuleFor(x => x.Value).Email();

        Assert.True(shared.Validate(new Box(new string('a', 249) + "@b.ma")).IsValid);
        Assert.False(shared.Validate(new Box(new string('a', 250) + "@b.ma")).IsValid);
        Assert.False(shared.Validate(new Box("a@b\u202E.ma")).IsValid);
    }
}
