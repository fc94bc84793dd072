using Registry.Domain.Names;
using Registry.Domain.Reference;

namespace Registry.Domain.Tests.Names;

public sealed class NameReservationTests
{
    private static readonly DateTimeOffset ReservedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(LegalForm.COOP, LegalForm.COOP, true)]
    [InlineData(LegalForm.UNION, LegalForm.UNION, true)]
    [InlineData(LegalForm.MUTU, LegalForm.COOP, false)] // a mutual's approval of "Coop X" is no cooperative's
    [InlineData(LegalForm.ASSO, LegalForm.COOP, false)]
    [InlineData(LegalForm.COOP, LegalForm.UNION, false)]
    [InlineData(LegalForm.UNION, LegalForm.COOP, false)]
    public void A_reservation_covers_only_an_application_of_its_own_legal_form(LegalForm reserved, LegalForm applied, bool covers)
    {
        var reservation = NameReservation.Reserve(TestData.OwnerId, reserved, "تعاونية الأمل", "Coop Al Amal", ReservedAt);

        Assert.Equal(covers, reservation.Covers(applied, "تعاونيه الامل", "COOPÉRATIVE AL-AMAL"));
    }

    [Theory]
    [InlineData("تعاونية الأمل", null, true)] // one script given: it must be the reserved one
    [InlineData(null, "Al Amal", true)]
    [InlineData("تعاونية النور", "Al Amal", false)]
    [InlineData("تعاونية الأمل", "Al Amane", false)]
    [InlineData(null, null, false)]
    public void A_reservation_covers_its_own_name_in_either_script(string? nameAr, string? nameLatin, bool covers)
    {
        var reservation = NameReservation.Reserve(TestData.OwnerId, LegalForm.COOP, "تعاونية الأمل", "Coop Al Amal", ReservedAt);

        Assert.Equal(covers, reservation.Covers(LegalForm.COOP, nameAr, nameLatin));
    }
}
