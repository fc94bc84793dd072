namespace Registry.Domain.Legal;

/// <summary>Ages in full years, as the Family Code counts majority (art. 209: 18 full Gregorian years).</summary>
/// <remarks>
/// A person reaches an age on their birthday: the birthday itself counts as reached. Someone born on 29 February
/// reaches it on 1 March in a year without 29 February (the day after 28 February, never before the
/// anniversary has actually passed).
/// </remarks>
public static class LegalAge
{
    /// <summary>Full years between <paramref name="birthDate"/> and <paramref name="date"/>; negative when born after it.</summary>
    public static int YearsOn(DateOnly birthDate, DateOnly date)
    {
        var years = date.Year - birthDate.Year;
        var birthdayNotYetReached = date.Month < birthDate.Month || (date.Month == birthDate.Month && date.Day < birthDate.Day);
        return birthdayNotYetReached ? years - 1 : years;
    }

    /// <summary>Whether someone born on <paramref name="birthDate"/> is at least <paramref name="age"/> on <paramref name="date"/>; an unknown birth date never is.</summary>
    public static bool HasReached(DateOnly? birthDate, int age, DateOnly date) =>
        birthDate is { } birth && birth <= date && YearsOn(birth, date) >= age;
}
