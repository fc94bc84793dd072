using Registry.Application.Applications;
using Registry.Domain.Reference;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

/// <summary>The validator alone (no database): a founding date is judged against today's date in Casablanca, not in UTC.</summary>
public sealed class ApplicationInputValidatorTests
{
    [Theory]
    [InlineData("2026-06-15T22:59:00Z", "2026-06-15", true)] // 23:59 on 15 June in Casablanca (UTC+1)
    [InlineData("2026-06-15T22:59:00Z", "2026-06-16", false)] // tomorrow, a minute before midnight in Casablanca
    [InlineData("2026-06-15T23:30:00Z", "2026-06-16", true)] // 00:30 on 16 June in Casablanca, still 15 June in UTC
    [InlineData("2026-06-15T23:30:00Z", "2026-06-17", false)]
    [InlineData("2026-06-15T23:30:00Z", "1900-01-01", true)]
    [InlineData("2026-06-15T23:30:00Z", "1899-12-31", false)]
    [InlineData("2026-06-15T23:30:00Z", "2200-01-01", false)]
    public void A_founding_date_is_refused_after_today_in_Casablanca(string now, string foundingDate, bool valid)
    {
        var clock = new TestClock();
        clock.Set(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var input = new ApplicationInput(LegalForm.COOP, null, "Coopérative Al Amal", "AGRI", "1 avenue Hassan II", "141",
            DateOnly.Parse(foundingDate, System.Globalization.CultureInfo.InvariantCulture), "12-31", null, null, [], []);

        var errors = new ApplicationInputValidator(clock).Validate(input).Errors;

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(nameof(ApplicationInput.FoundingDate), Assert.Single(errors).PropertyName);
        }
    }
}
