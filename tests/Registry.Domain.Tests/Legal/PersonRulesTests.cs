using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Legal;
using Registry.Domain.Reference;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed class PersonRulesTests
{
    private static readonly DateOnly EighteenToday = SubmittedOn.AddYears(-18);
    private static readonly DateOnly EighteenTomorrow = EighteenToday.AddDays(1);

    [Fact]
    public void A_17_year_old_member_breaks_the_rule_with_the_age_in_the_message()
    {
        var facts = Cooperative() with { Members = [.. Naturals(4), Natural(5, birthDate: EighteenTomorrow)] };

        var broken = Broken(facts, LegalRuleCodes.PersonAdult);

        Assert.Equal(new LocalizedText("Code de la famille (loi 70-03), art. 209", "مدونة الأسرة، المادة 209"), broken.Article);
        Assert.Equal("Âge minimum (18 ans) non atteint à la date de dépôt (2026-03-02) : membre n° 5 « Membre 5 » (17 ans).", broken.Message.Fr);
        Assert.Contains("العضو رقم 5 «عضو 5» (السن: 17 سنة)", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_turning_18_on_the_submission_date_is_an_adult() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = [.. Naturals(4), Natural(5, birthDate: EighteenToday)] }));

    [Fact]
    public void An_18_year_old_member_is_an_adult() =>
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = [.. Naturals(4), Natural(5, birthDate: EighteenToday.AddMonths(-3))] }));

    [Fact]
    public void A_17_year_old_officer_breaks_the_rule()
    {
        var facts = Association() with { Officers = [.. Association().Officers, Person(OfficerRole.Secretary, 3, birthDate: EighteenTomorrow)] };

        Assert.Contains("dirigeant n° 3 « Dirigeant 3 » (17 ans)", Broken(facts, LegalRuleCodes.PersonAdult).Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_birth_date_breaks_the_rule()
    {
        var member = Member.NaturalPerson("عضو 5", "Membre 5", Cin(5), null, Gender.Male, "MA", "Fès", 10, 10);

        var broken = Broken(Cooperative() with { Members = [.. Naturals(4), member] }, LegalRuleCodes.PersonAdult);

        Assert.Contains("membre n° 5 « Membre 5 » (date de naissance non déclarée)", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_date_after_the_submission_date_breaks_the_rule() =>
        Assert.Contains(LegalRuleCodes.PersonAdult, Codes(Cooperative() with { Members = [.. Naturals(4), Natural(5, birthDate: SubmittedOn.AddDays(1))] }));

    [Fact]
    public void Legal_person_members_have_no_age() =>
        Assert.DoesNotContain(LegalRuleCodes.PersonAdult, Codes(Cooperative() with { Members = [.. Naturals(4), LegalPerson(5, 1, 1)] }));

    [Fact]
    public void Every_minor_is_reported_in_one_broken_rule()
    {
        var facts = Cooperative() with
        {
            Members = [.. Naturals(3), Natural(4, birthDate: EighteenTomorrow), Natural(5, birthDate: SubmittedOn.AddYears(-10))],
            Officers = [Person(OfficerRole.Manager, 1, birthDate: SubmittedOn.AddYears(-16))],
        };

        var broken = Broken(facts, LegalRuleCodes.PersonAdult);

        Assert.Contains("membre n° 4 « Membre 4 » (17 ans) ; membre n° 5 « Membre 5 » (10 ans) ; dirigeant n° 1 « Dirigeant 1 » (16 ans)", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("العضو رقم 5 «عضو 5» (السن: 10 سنوات)", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 an", "سنة واحدة")]
    [InlineData(2, "2 ans", "سنتان")]
    [InlineData(3, "3 ans", "3 سنوات")]
    [InlineData(10, "10 ans", "10 سنوات")]
    [InlineData(11, "11 ans", "11 سنة")]
    [InlineData(17, "17 ans", "17 سنة")]
    public void A_minors_age_agrees_with_its_number_in_each_language(int age, string fr, string ar)
    {
        var facts = Cooperative() with { Members = [.. Naturals(4), Natural(5, birthDate: SubmittedOn.AddYears(-age))] };

        var broken = Broken(facts, LegalRuleCodes.PersonAdult);

        Assert.Contains($"membre n° 5 « Membre 5 » ({fr})", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains($"العضو رقم 5 «عضو 5» (السن: {ar})", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mutual_administrator_aged_20_is_not_old_enough_but_a_member_of_18_is()
    {
        var facts = Mutual() with
        {
            Members = [.. Naturals(2, sharesEach: 0), Natural(3, 0, 0, birthDate: EighteenToday)],
            Officers = [Administrator(1), Administrator(2), Administrator(3, birthDate: SubmittedOn.AddYears(-20))],
        };

        var broken = Broken(facts, LegalRuleCodes.PersonAdult);

        Assert.Contains("18 ans pour les membres, 21 ans pour les dirigeants", broken.Message.Fr, StringComparison.Ordinal);
        Assert.EndsWith(": dirigeant n° 3 « Dirigeant 3 » (20 ans).", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mutual_administrator_aged_21_is_old_enough() =>
        Assert.Empty(RuleBook.Evaluate(Mutual() with { Officers = [Administrator(1), Administrator(2), Administrator(3, birthDate: SubmittedOn.AddYears(-21))] }));

    [Theory]
    [InlineData("2026-02-28", 17)] // born 29 Feb 2008: in 2026, without 29 February, the birthday is reached on 1 March…
    [InlineData("2026-03-01", 18)]
    [InlineData("2028-02-28", 19)] // …and on 29 February in a leap year.
    [InlineData("2028-02-29", 20)]
    [InlineData("2008-02-29", 0)]
    [InlineData("2009-02-28", 0)]
    [InlineData("2009-03-01", 1)]
    public void Someone_born_on_29_February_reaches_an_age_on_1_March_of_common_years(string on, int years) =>
        Assert.Equal(years, LegalAge.YearsOn(new DateOnly(2008, 2, 29), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_person_born_on_29_February_is_18_on_1_March()
    {
        var born = new DateOnly(2008, 2, 29);

        Assert.False(LegalAge.HasReached(born, 18, new DateOnly(2026, 2, 28)));
        Assert.True(LegalAge.HasReached(born, 18, new DateOnly(2026, 3, 1)));
        Assert.False(LegalAge.HasReached(null, 18, new DateOnly(2026, 3, 1)));
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("Z999999")]
    [InlineData("AB123456")]
    [InlineData("BE654321")]
    public void Well_formed_CINs_are_accepted(string cin)
    {
        Assert.True(CinFormat.IsValid(cin));
        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Members = [.. Naturals(4), Natural(5, cin: cin)] }));
    }

    [Theory]
    [InlineData("ab123456")] // lower case
    [InlineData("Ab123456")]
    [InlineData("AB123456\n")] // trailing newline, which '$' would accept
    [InlineData("AB123456 ")]
    [InlineData(" AB123456")]
    [InlineData("AB 123456")]
    [InlineData("ABC12345")] // three letters
    [InlineData("AB1234567")] // seven digits
    [InlineData("AB")]
    [InlineData("123456")]
    [InlineData("AB١٢٣٤")] // Arabic-Indic digits
    [InlineData("ÉB12345")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_or_missing_CINs_break_the_rule(string? cin)
    {
        var member = Member.NaturalPerson("عضو 5", "Membre 5", cin, AdultBirthDate, Gender.Female, "MA", "Fès", 10, 10);

        var broken = Broken(Cooperative() with { Members = [.. Naturals(4), member] }, LegalRuleCodes.PersonCin);

        Assert.False(CinFormat.IsValid(cin));
        Assert.Equal(new LocalizedText("Loi 04-20 relative à la carte nationale d'identité électronique", "القانون رقم 04.20 المتعلق بالبطاقة الوطنية للتعريف الإلكترونية"), broken.Article);
        Assert.Contains("CIN manquant ou mal formé (une ou deux lettres majuscules suivies de 1 à 6 chiffres) : membre n° 5 « Membre 5 »", broken.Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_officer_CIN_breaks_the_rule() =>
        Assert.Contains("dirigeant n° 1 « Dirigeant 1 »",
            Broken(Cooperative() with { Officers = [Person(OfficerRole.Manager, 1, cin: "x1")] }, LegalRuleCodes.PersonCin).Message.Fr, StringComparison.Ordinal);

    [Fact]
    public void The_same_CIN_twice_among_members_breaks_the_rule()
    {
        var facts = Cooperative() with { Members = [Natural(1), Natural(2), Natural(3), Natural(4, cin: Cin(2)), Natural(5)] };

        var broken = Broken(facts, LegalRuleCodes.PersonCin);

        Assert.Contains("même CIN déclaré pour les membres n° 2, 4", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("للأعضاء ذوي الأرقام 2، 4", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_CIN_twice_among_officers_breaks_the_rule()
    {
        var facts = Cooperative() with { Officers = [Person(OfficerRole.Manager, 1), Person(OfficerRole.Manager, 2, cin: OfficerCin(1))] };

        Assert.Contains("même CIN déclaré pour les dirigeants n° 1, 2", Broken(facts, LegalRuleCodes.PersonCin).Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_may_also_be_an_officer()
    {
        var facts = Cooperative() with { Officers = [SameAsMember(3, OfficerRole.Manager)] };

        Assert.Contains(Cin(3), facts.Members.Select(member => member.Cin));
        Assert.Empty(RuleBook.Evaluate(facts));
    }

    [Fact]
    public void A_member_who_is_an_officer_may_have_the_name_written_differently_or_in_another_script()
    {
        // A shorter spelling shares a word with the member's name; a name in another script cannot be compared.
        var shorter = Officer.Create(OfficerRole.Manager, null, "Membre", Cin(3), AdultBirthDate, "MA", "Agricultrice", "Fès", MandateStart, MandateStart.AddYears(3));
        var arabicMember = Member.NaturalPerson("فاطمة الزهراء", null, Cin(5), AdultBirthDate, Gender.Female, "MA", "Fès", 10, 10);
        var latinOfficer = Officer.Create(OfficerRole.Manager, null, "Fatima Zahra", Cin(5), null, "MA", "Agricultrice", "Fès", MandateStart, MandateStart.AddYears(3));

        Assert.Empty(RuleBook.Evaluate(Cooperative() with { Officers = [shorter] }));
        Assert.DoesNotContain(LegalRuleCodes.PersonCin, Codes(Cooperative() with { Members = [.. Naturals(4), arabicMember], Officers = [latinOfficer] }));
    }

    [Fact]
    public void A_member_and_an_officer_with_other_names_cannot_share_a_CIN()
    {
        // "Dirigeant 1" is not "Membre 3": one CIN, two persons.
        var facts = Cooperative() with { Officers = [Person(OfficerRole.Manager, 1, cin: Cin(3))] };

        var broken = Broken(facts, LegalRuleCodes.PersonCin);

        Assert.Contains("même CIN déclaré pour le membre n° 3 « Membre 3 » et le dirigeant n° 1 « Dirigeant 1 », qui ne sont pas la même personne", broken.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("لكل من العضو رقم 3 «عضو 3» وعضو جهاز التسيير رقم 1 «مسير 1»، وهما ليسا نفس الشخص", broken.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_and_an_officer_born_on_different_days_cannot_share_a_CIN()
    {
        var officer = Officer.Create(OfficerRole.Manager, "عضو 3", "Membre 3", Cin(3), AdultBirthDate.AddDays(1), "MA", "Agricultrice", "Fès", MandateStart, MandateStart.AddYears(3));

        Assert.Contains(LegalRuleCodes.PersonCin, Codes(Cooperative() with { Officers = [officer] }));
    }

    private static Officer SameAsMember(int n, OfficerRole role) =>
        Officer.Create(role, $"عضو {n}", $"Membre {n}", Cin(n), AdultBirthDate, "MA", "Agricultrice", "Fès", MandateStart, MandateStart.AddYears(3));

    [Fact]
    public void Legal_person_members_have_no_CIN() =>
        Assert.DoesNotContain(LegalRuleCodes.PersonCin, Codes(Cooperative() with { Members = [.. Naturals(4), LegalPerson(5, 1, 1, identifier: null)] }));

    [Theory]
    [InlineData(LegalForm.COOP)]
    [InlineData(LegalForm.UNION)]
    [InlineData(LegalForm.ASSO)]
    [InlineData(LegalForm.MUTU)]
    public void The_person_rules_apply_to_every_form(LegalForm form)
    {
        var facts = Valid(form) with { Officers = [.. Valid(form).Officers, Person(OfficerRole.Secretary, 9, cin: "bad", birthDate: SubmittedOn.AddYears(-17))] };

        var codes = Codes(facts);

        Assert.Contains(LegalRuleCodes.PersonAdult, codes);
        Assert.Contains(LegalRuleCodes.PersonCin, codes);
    }
}
