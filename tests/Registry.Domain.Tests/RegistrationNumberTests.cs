using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Domain.Tests;

public sealed class RegistrationNumberTests
{
    [Fact]
    public void Create_formats_the_value_as_form_region_year_and_six_digit_sequence()
    {
        var number = RegistrationNumber.Create(LegalForm.COOP, "06", 2026, 123);

        Assert.Equal("COOP-06-2026-000123", number.Value);
        Assert.Equal("COOP-06-2026-000123", number.ToString());
        Assert.Equal(LegalForm.COOP, number.LegalForm);
        Assert.Equal("06", number.RegionCode);
        Assert.Equal(2026, number.Year);
        Assert.Equal(123, number.Sequence);
    }

    [Theory]
    [InlineData(LegalForm.UNION, "12", 2030, 999_999, "UNION-12-2030-999999")]
    [InlineData(LegalForm.ASSO, "01", 1900, 1, "ASSO-01-1900-000001")]
    [InlineData(LegalForm.MUTU, "09", 9999, 45_678, "MUTU-09-9999-045678")]
    public void Create_formats_every_legal_form_and_the_bounds(LegalForm form, string region, int year, int sequence, string expected)
    {
        Assert.Equal(expected, RegistrationNumber.Create(form, region, year, sequence).Value);
    }

    [Theory]
    [InlineData("COOP-06-2026-000123")]
    [InlineData("UNION-12-2030-999999")]
    [InlineData("ASSO-01-1999-000001")]
    [InlineData("MUTU-09-2026-045678")]
    public void TryParse_round_trips_the_value(string value)
    {
        Assert.True(RegistrationNumber.TryParse(value, out var number));

        Assert.Equal(value, number.Value);
    }

    [Fact]
    public void TryParse_reads_back_what_Create_produced()
    {
        var created = RegistrationNumber.Create(LegalForm.COOP, "06", 2026, 123);

        Assert.True(RegistrationNumber.TryParse(created.Value, out var parsed));

        Assert.Equal(created, parsed);
        Assert.Equal(LegalForm.COOP, parsed.LegalForm);
        Assert.Equal("06", parsed.RegionCode);
        Assert.Equal(2026, parsed.Year);
        Assert.Equal(123, parsed.Sequence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("COOP-6-2026-000001")]
    [InlineData("COOP-006-2026-000001")]
    [InlineData("XXXX-06-2026-000001")]
    [InlineData("COOP-06-2026-000000")]
    [InlineData("coop-06-2026-000001")]
    [InlineData("Coop-06-2026-000001")]
    [InlineData("COOP-06-2026-000001X")]
    [InlineData("XCOOP-06-2026-000001")]
    [InlineData(" COOP-06-2026-000001")]
    [InlineData("COOP-06-2026-000001 ")]
    [InlineData("COOP-06-2026-0000001")]
    [InlineData("COOP-06-2026-00001")]
    [InlineData("COOP-06-26-000001")]
    [InlineData("COOP_06_2026_000001")]
    [InlineData("COOP-0A-2026-000001")]
    [InlineData("COOP-06-2026")]
    [InlineData("COOP-06-2026-000001\n")]
    [InlineData("COOP-06-0000-000001")]
    [InlineData("COOP-06-1899-000001")]
    public void TryParse_rejects_malformed_values(string? value)
    {
        Assert.False(RegistrationNumber.TryParse(value, out var number));

        Assert.Null(number);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Create_refuses_a_sequence_outside_1_to_999999(int sequence)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => RegistrationNumber.Create(LegalForm.COOP, "06", 2026, sequence));

        Assert.Equal("sequence", exception.ParamName);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("ABC")]
    [InlineData("")]
    [InlineData("006")]
    [InlineData("0A")]
    public void Create_refuses_a_region_code_that_is_not_two_digits(string region)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => RegistrationNumber.Create(LegalForm.COOP, region, 2026, 1));

        Assert.Equal("regionCode", exception.ParamName);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(0)]
    [InlineData(10_000)]
    public void Create_refuses_a_year_outside_1900_to_9999(int year)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => RegistrationNumber.Create(LegalForm.COOP, "06", year, 1));

        Assert.Equal("year", exception.ParamName);
    }

    [Theory]
    [InlineData("coop-06-2026-000123")]
    [InlineData("  COOP-06-2026-000123 ")]
    [InlineData("COOP-٠٦-٢٠٢٦-٠٠٠١٢٣")] // Arabic-Indic digits
    [InlineData("COOP-۰۶-2026-000123")] // Eastern Arabic-Indic digits
    [InlineData("COOP 06 2026 000123")]
    [InlineData("coop  06 2026   000123")]
    [InlineData("COOP - 06 - 2026 - 000123")]
    [InlineData("COOP–06–2026–000123")] // en dashes
    [InlineData("COOP/06/2026/000123")]
    [InlineData("COOP.06.2026.000123")]
    [InlineData("COOP062026000123")]
    [InlineData("coop-062026000123")]
    public void TryParseTyped_reads_a_number_as_a_person_types_it(string typed)
    {
        Assert.True(RegistrationNumber.TryParseTyped(typed, out var number));
        Assert.Equal("COOP-06-2026-000123", number.Value);
        Assert.False(RegistrationNumber.TryParse(typed, out _)); // which reads only the stored spelling
    }

    [Theory]
    [InlineData("COOP 06 2026 00012")] // a digit short
    [InlineData("COOP 6 2026 000123")]
    [InlineData("COOP06 2026000123 7")]
    [InlineData("SARL 06 2026 000123")]
    [InlineData("COOP 06 2026 000000")]
    [InlineData("-")]
    [InlineData("")]
    public void TryParseTyped_refuses_what_is_not_a_number(string typed) =>
        Assert.False(RegistrationNumber.TryParseTyped(typed, out _));
}
