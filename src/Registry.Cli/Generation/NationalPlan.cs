using Registry.Cli.Common;

namespace Registry.Cli.Generation;

/// <summary>
/// What must be decided for every organisation before any row is written: legal form, province, registration
/// instant, member and officer counts. From it come the registration numbers (gap-free per form, region and
/// year, in order of registration) and the ranges of member and officer ids each worker may use.
/// </summary>
internal sealed class NationalPlan
{
    private NationalPlan(int count)
    {
        Form = new byte[count];
        Province = new short[count];
        RegisteredAt = new long[count];
        Sequence = new int[count];
        MemberCount = new int[count];
        OfficerCount = new byte[count];
        Board = new bool[count];
        NameOrdinal = new int[count];
    }

    public int Count => Form.Length;
    public byte[] Form { get; }
    public short[] Province { get; }

    /// <summary>UTC ticks of the approval.</summary>
    public long[] RegisteredAt { get; }
    public int[] Sequence { get; }
    public int[] MemberCount { get; }
    public byte[] OfficerCount { get; }

    /// <summary>A cooperative managed by a board rather than by managers.</summary>
    public bool[] Board { get; }

    /// <summary>Position among the cooperatives, unions and mutuals, which makes their names unique.</summary>
    public int[] NameOrdinal { get; }

    /// <summary>The last sequence used per (form, region, year), to write back to registry.registration_sequences.</summary>
    public Dictionary<(string Form, string Region, int Year), int> LastSequences { get; } = [];

    public static NationalPlan Build(int count, double membersPerOrganization, ulong seed, DateOnly today, ReferenceData reference,
        IReadOnlyDictionary<(string Form, string Region, int Year), int> existingSequences)
    {
        var plan = new NationalPlan(count);
        var regions = reference.Regions;
        var provincesByRegion = regions.ToDictionary(r => r, r => reference.Provinces.Select((p, i) => (p, i)).Where(x => x.p.RegionCode == r).ToArray());
        // The regional seat (first listed per region in the HCP file) weighs twice the other provinces.
        var provinceCumulative = regions.ToDictionary(r => r, r => Cumulative.Of([.. provincesByRegion[r].Select((x, k) => k == 0 ? 2.0 : 1.0)]));
        double[] RegionWeights(Dictionary<string, double> shares) => Cumulative.Of([.. regions.Select(r => shares.GetValueOrDefault(r, 1.0))]);
        var regionCumulative = new[]
        {
            RegionWeights(Distributions.CoopRegionShare), RegionWeights(Distributions.CoopRegionShare),
            RegionWeights(Distributions.AssoRegionShare), RegionWeights(Distributions.MutuRegionShare),
        };
        var years = Enumerable.Range(Distributions.FirstYear, today.Year - Distributions.FirstYear + 1).ToArray();
        var yearCumulative = Cumulative.Of([.. years.Select(y => Distributions.YearWeight(y) * (y == today.Year ? (today.DayOfYear - 1) / 365.0 : 1.0))]);

        // Mean members per form, scaled so the overall mean is the one asked for (cooperatives are smaller than
        // associations on average: 764,000 members for 61,000 cooperatives; mutuals are large).
        var factors = new[] { 0.75, 0.5, 1.05, 10.0 };
        var formShares = new[] { 0.2040, 0.0012, 0.7945, 0.0003 };
        var scale = membersPerOrganization / formShares.Select((s, f) => s * factors[f]).Sum();
        var meanMembers = factors.Select(f => f * scale).ToArray();

        var nameOrdinal = 0;
        for (var i = 0; i < count; i++)
        {
            var rng = new Rng(seed, (ulong)i, 0);
            var form = count >= 4 && i < 4 ? (byte)(i switch { 0 => 0, 1 => 2, 2 => 1, _ => 3 }) : (byte)rng.Pick(Distributions.FormWeights);
            var region = regions[rng.Pick(regionCumulative[form])];
            var provinceChoices = provincesByRegion[region];
            var province = provinceChoices[rng.Pick(provinceCumulative[region])].i;

            var year = years[rng.Pick(yearCumulative)];
            var daysInYear = year == today.Year ? Math.Max(1, today.DayOfYear - 1) : DateTime.IsLeapYear(year) ? 366 : 365;
            var date = new DateOnly(year, 1, 1).AddDays(rng.Next(daysInYear));
            var registeredAt = Casablanca.At(date, TimeSpan.FromMinutes(8 * 60 + 30 + rng.Next(8 * 60)));

            plan.Form[i] = form;
            plan.Province[i] = (short)province;
            plan.RegisteredAt[i] = registeredAt.UtcTicks;
            plan.MemberCount[i] = DrawMemberCount(ref rng, form, meanMembers[form], membersPerOrganization);
            (plan.OfficerCount[i], plan.Board[i]) = Officers(ref rng, form, plan.MemberCount[i]);
            plan.NameOrdinal[i] = form == Distributions.Asso ? -1 : nameOrdinal++;
        }

        plan.Number(reference, existingSequences);
        return plan;
    }

    private static int DrawMemberCount(ref Rng rng, byte form, double mean, double overallMean)
    {
        if (overallMean <= 0)
        {
            return 0;
        }

        return form switch
        {
            // 2 % of cooperatives have fallen below the legal minimum of 5 (BELOW_MIN_MEMBERS).
            Distributions.Coop => rng.Chance(0.02) ? rng.Between(3, 4) : 5 + (int)Math.Min(1500, Math.Round(rng.LogNormal(Math.Max(0.5, mean - 5), 1.0))),
            Distributions.Union => rng.Chance(0.03) ? 2 : rng.Between(3, 12),
            Distributions.Asso => 2 + (int)Math.Min(3000, Math.Round(rng.LogNormal(Math.Max(0.5, mean - 2), 0.9))),
            _ => 20 + (int)Math.Min(5000, Math.Round(rng.LogNormal(Math.Max(0.5, mean - 20), 0.8))),
        };
    }

    private static (byte Count, bool Board) Officers(ref Rng rng, byte form, int members) => form switch
    {
        // Over 50 members a cooperative needs a board of 3 to 12, a multiple of 3 (art. 47); 10 % have none (BOARD_REQUIRED).
        Distributions.Coop when members > 50 && rng.Chance(0.9) => ((byte)(3 * rng.Between(1, 3)), true),
        Distributions.Coop => ((byte)rng.Between(1, 3), false),
        Distributions.Union => ((byte)3, true),
        Distributions.Asso => ((byte)rng.Between(3, 7), true),
        _ => ((byte)rng.Between(5, 9), true),
    };

    /// <summary>Numbers each (form, region, year) from the counter's current value + 1, in order of registration.</summary>
    private void Number(ReferenceData reference, IReadOnlyDictionary<(string Form, string Region, int Year), int> existing)
    {
        var regionIndex = reference.Regions.Select((r, k) => (r, k)).ToDictionary(x => x.r, x => x.k);
        var keys = new ulong[Count];
        var order = new int[Count];
        var epoch = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        for (var i = 0; i < Count; i++)
        {
            var at = new DateTime(RegisteredAt[i], DateTimeKind.Utc);
            var local = TimeZoneInfo.ConvertTimeFromUtc(at, Casablanca.Zone);
            var group = (ulong)((Form[i] * 16 + regionIndex[reference.Provinces[Province[i]].RegionCode]) * 128 + (local.Year - 2000));
            var seconds = (ulong)((RegisteredAt[i] - epoch) / TimeSpan.TicksPerSecond);
            keys[i] = group << 51 | (seconds & ((1UL << 30) - 1)) << 21 | (uint)i;
            order[i] = i;
        }

        if (Count >= 1 << 21)
        {
            // Beyond 2 million organisations the index no longer fits in the key's tie-breaker: sort stably instead.
            order = [.. Enumerable.Range(0, Count).OrderBy(i => keys[i] >> 21).ThenBy(i => i)];
        }
        else
        {
            Array.Sort(keys, order);
        }

        (string, string, int) previous = default;
        var next = 0;
        foreach (var i in order)
        {
            var year = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(RegisteredAt[i], DateTimeKind.Utc), Casablanca.Zone).Year;
            var key = (Distributions.FormCodes[Form[i]], reference.Provinces[Province[i]].RegionCode, year);
            if (key != previous)
            {
                next = existing.GetValueOrDefault(key, 0);
                previous = key;
            }

            Sequence[i] = ++next;
            if (next > Domain.Organizations.RegistrationNumber.MaxSequence)
            {
                throw new InvalidOperationException($"More than {Domain.Organizations.RegistrationNumber.MaxSequence} registrations for {key}.");
            }

            LastSequences[key] = next;
        }
    }
}
