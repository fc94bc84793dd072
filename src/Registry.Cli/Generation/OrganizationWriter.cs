using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Registry.Cli.Common;
using Registry.Domain.Names;

namespace Registry.Cli.Generation;

/// <summary>Row counts written by one worker (or all of them).</summary>
internal sealed class LoadCounts
{
    public long Organizations;
    public long Members;
    public long WomenMembers;
    public long CoopMembers;
    public long CoopWomenMembers;
    public long WomensCooperatives;
    public long Officers;
    public long Declarations;

    public void Add(LoadCounts other)
    {
        Interlocked.Add(ref Organizations, other.Organizations);
        Interlocked.Add(ref Members, other.Members);
        Interlocked.Add(ref WomenMembers, other.WomenMembers);
        Interlocked.Add(ref CoopMembers, other.CoopMembers);
        Interlocked.Add(ref CoopWomenMembers, other.CoopWomenMembers);
        Interlocked.Add(ref WomensCooperatives, other.WomensCooperatives);
        Interlocked.Add(ref Officers, other.Officers);
        Interlocked.Add(ref Declarations, other.Declarations);
    }
}

/// <summary>
/// Generates the organisations [start, end) of a plan and writes them with binary COPY, one importer per
/// table on its own connection. Everything about organisation i comes from its own random stream, so the
/// result does not depend on how the range is split between workers.
/// </summary>
internal sealed class OrganizationWriter
{
    private static readonly string[][] FullNamesLatin = BuildFullNames(latin: true);
    private static readonly string[][] FullNamesArabic = BuildFullNames(latin: false);
    private static readonly string[] BoardRoles = ["President", "VicePresident", "Secretary", "Treasurer", "BoardMember", "BoardMember", "BoardMember", "BoardMember", "BoardMember", "BoardMember", "BoardMember", "BoardMember"];
    private static readonly string[] MutuRoles = ["President", "Treasurer", "Secretary", "Administrator", "Administrator", "Administrator", "Administrator", "Administrator", "Administrator"];

    private readonly NationalPlan _plan;
    private readonly ReferenceData _reference;
    private readonly ulong _seed;
    private readonly DateOnly _today;
    private readonly double[][] _sectorCumulative;
    private readonly string[][] _sectorCodes;
    private readonly string[][] _cinPrefixes;
    private readonly HashSet<long> _cins = [];
    private Person[] _people = new Person[64];

    public OrganizationWriter(NationalPlan plan, ReferenceData reference, ulong seed, DateOnly today)
    {
        _plan = plan;
        _reference = reference;
        _seed = seed;
        _today = today;
        (string Code, double Weight)[][] sectors = [Distributions.CoopSectors, Distributions.CoopSectors, Distributions.AssoSectors, Distributions.MutuSectors];
        var usable = sectors.Select((list, form) => list.Where(s => reference.Sectors.TryGetValue(s.Code, out var sector) && sector.AppliesTo.Contains(Distributions.FormCodes[form])).ToArray()).ToArray();
        if (usable.Any(list => list.Length == 0))
        {
            throw new InvalidOperationException("The sectors table has no sector for some legal form.");
        }

        _sectorCodes = [.. usable.Select(list => list.Select(s => s.Code).ToArray())];
        _sectorCumulative = [.. usable.Select(list => Cumulative.Of([.. list.Select(s => s.Weight)]))];
        _cinPrefixes = [.. reference.Provinces.Select(p => WordLists.CinPrefixes.GetValueOrDefault(p.RegionCode, ["X"]))];
    }

    /// <summary>Where the rows go: the tables themselves or staging copies of them.</summary>
    public sealed record Targets(string Applications, string Organizations, string Members, string Officers, string Declarations);

    private struct Person
    {
        public bool Female;
        public bool Legal;
        public int NameIndex;
        public string Cin;
        public DateOnly BirthDate;
        public int SharesSubscribed;
        public int SharesPaid;
        public string? LegalName;
        public string? LegalIdentifier;
    }

    public LoadCounts Write(NpgsqlDataSource dataSource, Targets targets, int start, int end, int memberIdStart, int officerIdStart, Action<int> progress, CancellationToken cancellationToken)
    {
        using var applicationConnection = dataSource.OpenConnection();
        using var organizationConnection = dataSource.OpenConnection();
        using var memberConnection = dataSource.OpenConnection();
        using var officerConnection = dataSource.OpenConnection();
        using var declarationConnection = dataSource.OpenConnection();
        using var applications = applicationConnection.BeginBinaryImport($"COPY {targets.Applications} ({Tables.ApplicationColumns}) FROM STDIN (FORMAT BINARY)");
        using var organizations = organizationConnection.BeginBinaryImport($"COPY {targets.Organizations} ({Tables.OrganizationColumns}) FROM STDIN (FORMAT BINARY)");
        using var members = memberConnection.BeginBinaryImport($"COPY {targets.Members} ({Tables.MemberColumns}) FROM STDIN (FORMAT BINARY)");
        using var officers = officerConnection.BeginBinaryImport($"COPY {targets.Officers} ({Tables.OfficerColumns}) FROM STDIN (FORMAT BINARY)");
        using var declarations = declarationConnection.BeginBinaryImport($"COPY {targets.Declarations} ({Tables.DeclarationColumns}) FROM STDIN (FORMAT BINARY)");

        var counts = new LoadCounts();
        var memberId = memberIdStart;
        var officerId = officerIdStart;
        for (var i = start; i < end; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteOne(i, applications, organizations, members, officers, declarations, ref memberId, ref officerId, counts);
            if ((i - start) % 1000 == 999)
            {
                progress(1000);
            }
        }

        progress((end - start) % 1000);
        applications.Complete();
        organizations.Complete();
        members.Complete();
        officers.Complete();
        declarations.Complete();
        return counts;
    }

    private void WriteOne(int i, NpgsqlBinaryImporter applications, NpgsqlBinaryImporter organizations, NpgsqlBinaryImporter members,
        NpgsqlBinaryImporter officers, NpgsqlBinaryImporter declarations, ref int memberId, ref int officerId, LoadCounts counts)
    {
        var rng = new Rng(_seed, (ulong)i, 1);
        var form = _plan.Form[i];
        var formCode = Distributions.FormCodes[form];
        var province = _reference.Provinces[_plan.Province[i]];
        var registeredAt = new DateTimeOffset(_plan.RegisteredAt[i], TimeSpan.Zero);
        var registeredOn = Casablanca.DateOf(registeredAt);
        var number = string.Create(CultureInfo.InvariantCulture, $"{formCode}-{province.RegionCode}-{registeredOn.Year:D4}-{_plan.Sequence[i]:D6}");
        var organizationId = rng.NextGuidV7(registeredAt);
        var applicationId = rng.NextGuidV7(registeredAt.AddDays(-30));
        var ownerId = rng.NextGuidV7(registeredAt.AddDays(-31));

        var sector = _sectorCodes[form][rng.Pick(_sectorCumulative[form])];
        var (nameAr, nameLatin) = Names(ref rng, i, form, sector);
        var locality = WordLists.Localities[rng.Next(WordLists.Localities.Length)];
        var seatAddress = string.Create(CultureInfo.InvariantCulture, $"{rng.Between(1, 250)} {WordLists.Streets[rng.Next(WordLists.Streets.Length)]}, {locality.Latin}, {province.NameFr}");
        var foundingDate = registeredOn.AddDays(-rng.Between(7, 120));
        var fyEnd = rng.NextDouble() switch { < 0.92 => "12-31", < 0.96 => "06-30", < 0.98 => "09-30", _ => "03-31" };
        string? email = rng.Chance(0.6) ? string.Create(CultureInfo.InvariantCulture, $"contact.{i:x}@{formCode.ToLowerInvariant()}.example.ma") : null;
        string? phone = rng.Chance(0.7) ? string.Create(CultureInfo.InvariantCulture, $"+2126{rng.Between(10_000_000, 99_999_999)}") : null;
        var iceShare = form switch { Distributions.Coop => 0.5, Distributions.Union => 0.6, Distributions.Asso => 0.1, _ => 1.0 };
        string? ice = rng.Chance(iceShare) ? Ice(ref rng) : null;
        decimal? shareValue = form switch
        {
            Distributions.Coop => rng.NextDouble() switch { < 0.7 => 100m, < 0.8 => 200m, < 0.9 => 500m, _ => 1000m },
            Distributions.Union => 1000m,
            _ => null,
        };

        // Members: natural persons (legal persons for unions, now and then one in a cooperative).
        var memberCount = _plan.MemberCount[i];
        var womensCoop = form == Distributions.Coop && rng.Chance(Distributions.WomensCoopShare);
        var womenShare = form switch
        {
            Distributions.Coop => womensCoop ? 1.0 : Distributions.WomenInMixedCoop,
            Distributions.Asso => Distributions.WomenInAsso,
            Distributions.Mutu => Distributions.WomenInMutu,
            _ => 0.3,
        };
        var fullyPaid = form != Distributions.Coop || rng.Chance(0.85);
        var legalMember = form == Distributions.Coop && memberCount >= 6 && rng.Chance(0.05);
        if (_people.Length < memberCount + 16)
        {
            _people = new Person[Math.Max(memberCount + 16, _people.Length * 2)];
        }

        _cins.Clear();
        var provinceIndex = _plan.Province[i];
        int women = 0;
        long subscribed = 0, paid = 0;
        for (var k = 0; k < memberCount; k++)
        {
            ref var person = ref _people[k];
            var legal = form == Distributions.Union || (legalMember && k == memberCount - 1);
            person = legal ? LegalPerson(ref rng, registeredOn) : NaturalPerson(ref rng, provinceIndex, registeredOn, womenShare);
            if (shareValue is not null)
            {
                person.SharesSubscribed = rng.Between(2, 30);
                person.SharesPaid = fullyPaid ? person.SharesSubscribed : Math.Max(1, (int)Math.Ceiling(person.SharesSubscribed * (0.25 + rng.NextDouble() * 0.65)));
                subscribed += person.SharesSubscribed;
                paid += person.SharesPaid;
            }

            if (!legal && person.Female)
            {
                women++;
            }
        }

        var subscribedCapital = subscribed * (shareValue ?? 0m);
        var paidCapital = paid * (shareValue ?? 0m);

        // Status and the compliance history the sweep reads.
        var status = rng.NextDouble() switch { < 0.955 => "Active", < 0.97 => "Suspended", < 0.99 => "StruckOff", _ => "Dissolved" };
        var statusChangedAt = status == "Active" ? registeredAt : registeredAt.AddDays(rng.Next(Math.Max(1, _today.DayNumber - registeredOn.DayNumber)));
        DateOnly? lastGa = null, lastAccounts = null, lastDeclaration = null, belowMinimumSince = null;
        int? lastAnnualReturn = null;
        var minimum = form switch { Distributions.Coop => 5, Distributions.Union => 3, _ => 0 };
        if (memberCount < minimum)
        {
            belowMinimumSince = registeredOn.AddDays(rng.Next(Math.Max(1, _today.DayNumber - registeredOn.DayNumber)));
        }

        var declared = 0;
        if (form is Distributions.Coop or Distributions.Union)
        {
            var month = int.Parse(fyEnd.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var day = int.Parse(fyEnd.AsSpan(3, 2), CultureInfo.InvariantCulture);
            var lastFye = new DateOnly(_today.Year, month, day);
            if (lastFye > _today)
            {
                lastFye = lastFye.AddYears(-1);
            }

            var history = rng.NextDouble();
            DateOnly? ga = history switch
            {
                < 0.65 => lastFye.AddDays(rng.Between(20, 170)),   // on time for the last financial year
                < 0.85 => lastFye.AddYears(-1).AddDays(rng.Between(20, 170)), // a year behind
                _ => null,                                          // never declared one
            };
            if (ga > _today)
            {
                ga = ga.Value.AddYears(-1);
            }

            if (ga is { } held && held > registeredOn)
            {
                lastGa = held;
                lastAccounts = rng.NextDouble() switch
                {
                    < 0.8 => held.AddDays(rng.Between(1, 25)),
                    < 0.9 => held.AddDays(rng.Between(40, 90)),
                    _ => null,
                };
                if (lastAccounts > _today)
                {
                    lastAccounts = null;
                }

                lastDeclaration = lastAccounts is { } filed && filed > held ? filed : held;
                declared += WriteDeclaration(declarations, ref rng, organizationId, ownerId, "GeneralAssembly", held, held.Year - (held.Month <= month ? 1 : 0), null);
                if (lastAccounts is { } accounts)
                {
                    var year = lastFye.Year;
                    var turnover = Math.Round((decimal)rng.LogNormal(400_000, 1.5), 2);
                    declared += WriteDeclaration(declarations, ref rng, organizationId, ownerId, "AnnualAccounts", accounts, year, turnover);
                    if (rng.Chance(0.6) && accounts.AddYears(-1) > registeredOn)
                    {
                        declared += WriteDeclaration(declarations, ref rng, organizationId, ownerId, "AnnualAccounts", accounts.AddYears(-1), year - 1,
                            Math.Round(turnover * (decimal)(0.7 + rng.NextDouble() * 0.5), 2));
                    }
                }
            }
        }
        else if (form == Distributions.Asso && rng.Chance(0.5))
        {
            var on = _today.AddDays(-rng.Next(3 * 365));
            if (on > registeredOn)
            {
                lastDeclaration = on;
                declared += WriteDeclaration(declarations, ref rng, organizationId, ownerId, "BoardChange", on, null, null);
            }
        }
        else if (form == Distributions.Mutu)
        {
            lastAnnualReturn = _today.Year - (rng.Chance(0.8) ? 1 : 2);
            if (lastAnnualReturn >= registeredOn.Year)
            {
                var on = new DateOnly(lastAnnualReturn.Value + 1, 3, rng.Between(1, 28));
                lastDeclaration = on <= _today ? on : null;
                declared += WriteDeclaration(declarations, ref rng, organizationId, ownerId, "MutualAnnualReturn", on, lastAnnualReturn, null);
            }
            else
            {
                lastAnnualReturn = null;
            }
        }

        // applications: the approved application the organisation came from (minimal columns).
        var createdAt = registeredAt.AddDays(-rng.Between(10, 60));
        var submittedAt = createdAt.AddDays(rng.Between(1, 5));
        applications.StartRow();
        applications.Write(applicationId, NpgsqlDbType.Uuid);
        applications.Write(ownerId, NpgsqlDbType.Uuid);
        applications.Write("Approved", NpgsqlDbType.Varchar);
        applications.Write(formCode, NpgsqlDbType.Varchar);
        WriteText(applications, nameAr);
        WriteText(applications, nameLatin);
        applications.Write(sector, NpgsqlDbType.Varchar);
        applications.Write(seatAddress, NpgsqlDbType.Varchar);
        applications.Write(province.Code, NpgsqlDbType.Varchar);
        applications.Write(province.RegionCode, NpgsqlDbType.Varchar);
        applications.Write(foundingDate, NpgsqlDbType.Date);
        applications.Write(fyEnd, NpgsqlDbType.Varchar);
        WriteText(applications, email);
        WriteText(applications, phone);
        applications.Write(createdAt, NpgsqlDbType.TimestampTz);
        applications.Write(registeredAt, NpgsqlDbType.TimestampTz);
        applications.Write(submittedAt, NpgsqlDbType.TimestampTz);
        applications.Write(registeredAt, NpgsqlDbType.TimestampTz);
        applications.Write(organizationId, NpgsqlDbType.Uuid);
        WriteText(applications, ice);
        WriteNumeric(applications, shareValue);

        organizations.StartRow();
        organizations.Write(organizationId, NpgsqlDbType.Uuid);
        organizations.Write(number, NpgsqlDbType.Varchar);
        organizations.Write(applicationId, NpgsqlDbType.Uuid);
        organizations.Write(ownerId, NpgsqlDbType.Uuid);
        organizations.Write(formCode, NpgsqlDbType.Varchar);
        WriteText(organizations, nameAr);
        WriteText(organizations, nameLatin);
        organizations.Write(sector, NpgsqlDbType.Varchar);
        organizations.Write(seatAddress, NpgsqlDbType.Varchar);
        organizations.Write(province.Code, NpgsqlDbType.Varchar);
        organizations.Write(province.RegionCode, NpgsqlDbType.Varchar);
        organizations.Write(foundingDate, NpgsqlDbType.Date);
        organizations.Write(fyEnd, NpgsqlDbType.Varchar);
        WriteText(organizations, email);
        WriteText(organizations, phone);
        organizations.Write(status, NpgsqlDbType.Varchar);
        organizations.Write(registeredAt, NpgsqlDbType.TimestampTz);
        organizations.Write(statusChangedAt, NpgsqlDbType.TimestampTz);
        organizations.Write(memberCount, NpgsqlDbType.Integer);
        organizations.Write(women, NpgsqlDbType.Integer);
        WriteText(organizations, ice);
        organizations.Write(NameNormalizer.NormalizeArabic(nameAr), NpgsqlDbType.Text);
        organizations.Write(NameNormalizer.NormalizeLatin(nameLatin), NpgsqlDbType.Text);
        WriteNumeric(organizations, shareValue);
        WriteDate(organizations, lastAccounts);
        if (lastAnnualReturn is { } returned)
        {
            organizations.Write(returned, NpgsqlDbType.Integer);
        }
        else
        {
            organizations.WriteNull();
        }

        WriteDate(organizations, lastDeclaration);
        WriteDate(organizations, lastGa);
        WriteDate(organizations, belowMinimumSince);
        organizations.Write(paidCapital, NpgsqlDbType.Numeric);
        organizations.Write(subscribedCapital, NpgsqlDbType.Numeric);

        for (var k = 0; k < memberCount; k++)
        {
            ref var person = ref _people[k];
            members.StartRow();
            members.Write(organizationId, NpgsqlDbType.Uuid);
            members.Write(memberId++, NpgsqlDbType.Integer);
            if (person.Legal)
            {
                members.Write("LegalPerson", NpgsqlDbType.Varchar);
                members.WriteNull();
                members.WriteNull();
                members.WriteNull();
                members.WriteNull();
                members.WriteNull();
                members.WriteNull();
                members.Write(person.LegalName!, NpgsqlDbType.Varchar);
                members.Write(person.LegalIdentifier!, NpgsqlDbType.Varchar);
            }
            else
            {
                members.Write("NaturalPerson", NpgsqlDbType.Varchar);
                members.Write(FullNamesArabic[person.Female ? 1 : 0][person.NameIndex], NpgsqlDbType.Varchar);
                members.Write(FullNamesLatin[person.Female ? 1 : 0][person.NameIndex], NpgsqlDbType.Varchar);
                members.Write(person.Cin, NpgsqlDbType.Varchar);
                members.Write(person.BirthDate, NpgsqlDbType.Date);
                members.Write(person.Female ? "Female" : "Male", NpgsqlDbType.Varchar);
                members.Write("MA", NpgsqlDbType.Varchar);
                members.WriteNull();
                members.WriteNull();
            }

            members.Write(person.SharesSubscribed, NpgsqlDbType.Integer);
            members.Write(person.SharesPaid, NpgsqlDbType.Integer);
        }

        // Officers: drawn from the natural-person members while there are enough, else people from outside.
        var officerCount = _plan.OfficerCount[i];
        var term = form == Distributions.Mutu ? 4 : 3;
        var elapsedTerms = (_today.DayNumber - registeredOn.DayNumber) / (365 * term);
        var expired = elapsedTerms > 0 && rng.Chance(0.15);
        var mandateStart = registeredOn.AddYears(term * (expired ? rng.Next(elapsedTerms) : elapsedTerms));
        var mandateEnd = mandateStart.AddYears(term);
        var naturalMembers = form == Distributions.Union ? 0 : memberCount - (legalMember ? 1 : 0);
        for (var k = 0; k < officerCount; k++)
        {
            var role = form switch
            {
                Distributions.Coop when !_plan.Board[i] => "Manager",
                Distributions.Mutu => MutuRoles[k % MutuRoles.Length],
                _ => BoardRoles[k % BoardRoles.Length],
            };
            var person = k < naturalMembers ? _people[k] : NaturalPerson(ref rng, provinceIndex, registeredOn, womenShare);
            var names = person.Female ? 1 : 0;
            officers.StartRow();
            officers.Write(organizationId, NpgsqlDbType.Uuid);
            officers.Write(officerId++, NpgsqlDbType.Integer);
            officers.Write(role, NpgsqlDbType.Varchar);
            officers.Write(FullNamesArabic[names][person.NameIndex], NpgsqlDbType.Varchar);
            officers.Write(FullNamesLatin[names][person.NameIndex], NpgsqlDbType.Varchar);
            officers.Write(person.Cin, NpgsqlDbType.Varchar);
            officers.Write(person.BirthDate, NpgsqlDbType.Date);
            officers.Write("MA", NpgsqlDbType.Varchar);
            officers.Write(WordLists.Professions[rng.Next(WordLists.Professions.Length)], NpgsqlDbType.Varchar);
            officers.Write(string.Create(CultureInfo.InvariantCulture, $"{rng.Between(1, 300)} {WordLists.Streets[rng.Next(WordLists.Streets.Length)]}, {province.NameFr}"), NpgsqlDbType.Varchar);
            officers.Write(mandateStart, NpgsqlDbType.Date);
            officers.Write(mandateEnd, NpgsqlDbType.Date);
            officers.Write(true, NpgsqlDbType.Boolean);
        }

        counts.Organizations++;
        counts.Members += memberCount;
        counts.WomenMembers += women;
        counts.Officers += officerCount;
        counts.Declarations += declared;
        if (form == Distributions.Coop)
        {
            counts.CoopMembers += memberCount - (legalMember ? 1 : 0);
            counts.CoopWomenMembers += women;
            counts.WomensCooperatives += womensCoop ? 1 : 0;
        }
    }

    private Person NaturalPerson(ref Rng rng, int provinceIndex, DateOnly registeredOn, double womenShare)
    {
        var female = rng.Chance(womenShare);
        var prefixes = rng.Chance(0.85) ? _cinPrefixes[provinceIndex] : _cinPrefixes[rng.Next(_cinPrefixes.Length)];
        var prefixIndex = rng.Next(prefixes.Length);
        int digits;
        do
        {
            digits = rng.Between(1_000, 999_999);
        }
        while (!_cins.Add((long)prefixes[prefixIndex].GetHashCode(StringComparison.Ordinal) << 32 | (uint)digits));

        return new Person
        {
            Female = female,
            NameIndex = rng.Next(FullNamesLatin[female ? 1 : 0].Length),
            Cin = string.Concat(prefixes[prefixIndex], digits.ToString(CultureInfo.InvariantCulture)),
            BirthDate = registeredOn.AddDays(-(18 * 366 + rng.Next(50 * 365))),
        };
    }

    private static Person LegalPerson(ref Rng rng, DateOnly registeredOn)
    {
        var word = WordLists.NameWords[rng.Next(WordLists.NameWords.Length)];
        var place = WordLists.Localities[rng.Next(WordLists.Localities.Length)];
        return new Person
        {
            Legal = true,
            LegalName = $"Coopérative {word.Latin} {place.Latin}",
            LegalIdentifier = string.Create(CultureInfo.InvariantCulture, $"COOP-{rng.Between(1, 12):D2}-{rng.Between(2005, registeredOn.Year)}-{rng.Between(1, 5000):D6}"),
        };
    }

    private (string? Arabic, string? Latin) Names(ref Rng rng, int i, byte form, string sector)
    {
        (string Latin, string Arabic) word, place;
        var suffix = "";
        var ordinal = _plan.NameOrdinal[i];
        if (ordinal >= 0)
        {
            // Cooperatives, unions and mutuals need unique names (a reservation refuses a taken one): a bijection
            // of the ordinal onto (word, locality), with a number once every pair is used.
            var pairs = WordLists.NameWords.Length * WordLists.Localities.Length;
            var c = (int)((long)(ordinal % pairs) * 7919 % pairs);
            word = WordLists.NameWords[c / WordLists.Localities.Length];
            place = WordLists.Localities[c % WordLists.Localities.Length];
            suffix = ordinal >= pairs ? " " + (ordinal / pairs + 1).ToString(CultureInfo.InvariantCulture) : "";
        }
        else
        {
            word = WordLists.NameWords[rng.Next(WordLists.NameWords.Length)];
            place = WordLists.Localities[rng.Next(WordLists.Localities.Length)];
        }

        var (latin, arabic) = form switch
        {
            Distributions.Coop => Coop(sector, word, place),
            Distributions.Union => ($"Union des Coopératives {word.Latin} {place.Latin}", $"اتحاد تعاونيات {word.Arabic} {place.Arabic}"),
            Distributions.Mutu => ($"Mutuelle Générale {word.Latin} {place.Latin}", $"التعاضدية العامة {word.Arabic} {place.Arabic}"),
            _ => Asso(sector, word, place),
        };
        var scripts = rng.NextDouble();
        var both = form == Distributions.Asso ? 0.6 : 0.85;
        var arabicOnly = form == Distributions.Asso ? 0.3 : 0.1;
        string? arabicName = scripts < both + arabicOnly ? arabic + suffix : null;
        string? latinName = scripts < both || scripts >= both + arabicOnly ? latin + suffix : null;
        return (arabicName, latinName);
    }

    private static (string Latin, string Arabic) Coop(string sector, (string Latin, string Arabic) word, (string Latin, string Arabic) place) => sector switch
    {
        "AGRI" => ($"Coopérative Agricole {word.Latin} {place.Latin}", $"التعاونية الفلاحية {word.Arabic} {place.Arabic}"),
        "ARTISANAT" => ($"Coopérative Artisanale {word.Latin} {place.Latin}", $"تعاونية {word.Arabic} للصناعة التقليدية {place.Arabic}"),
        "ARGANE" => ($"Coopérative {word.Latin} d'Argane {place.Latin}", $"تعاونية {word.Arabic} للأركان {place.Arabic}"),
        "HABITAT" => ($"Coopérative d'Habitat {word.Latin} {place.Latin}", $"تعاونية {word.Arabic} للسكن {place.Arabic}"),
        "PAM" => ($"Coopérative {word.Latin} des Plantes Aromatiques {place.Latin}", $"تعاونية {word.Arabic} للنباتات العطرية {place.Arabic}"),
        "PECHE" => ($"Coopérative de Pêche {word.Latin} {place.Latin}", $"تعاونية {word.Arabic} للصيد البحري {place.Arabic}"),
        _ => ($"Coopérative {word.Latin} {place.Latin}", $"تعاونية {word.Arabic} {place.Arabic}"),
    };

    private static (string Latin, string Arabic) Asso(string sector, (string Latin, string Arabic) word, (string Latin, string Arabic) place) => sector switch
    {
        "DEVELOPPEMENT_LOCAL" => ($"Association {word.Latin} pour le Développement de {place.Latin}", $"جمعية {word.Arabic} للتنمية {place.Arabic}"),
        "ENVIRONNEMENT" => ($"Association {word.Latin} pour l'Environnement {place.Latin}", $"جمعية {word.Arabic} للبيئة {place.Arabic}"),
        "SPORT" => ($"Association Sportive {word.Latin} {place.Latin}", $"الجمعية الرياضية {word.Arabic} {place.Arabic}"),
        "EDUCATION" => ($"Association {word.Latin} pour l'Éducation et l'Alphabétisation", $"جمعية {word.Arabic} للتربية ومحو الأمية"),
        "CULTURE" => ($"Association {word.Latin} des Arts et de la Culture", $"جمعية {word.Arabic} للفنون والثقافة"),
        "SANTE" => ($"Association {word.Latin} pour la Santé {place.Latin}", $"جمعية {word.Arabic} للصحة {place.Arabic}"),
        "OEUVRES_SOCIALES" => ($"Association des Œuvres Sociales {word.Latin}", $"جمعية الأعمال الاجتماعية {word.Arabic}"),
        _ => ($"Association {word.Latin} {place.Latin}", $"جمعية {word.Arabic} {place.Arabic}"),
    };

    /// <summary>15 digits, the whole number divisible by 97.</summary>
    private static string Ice(ref Rng rng)
    {
        const ulong min = 1_030_927_835_052, max = 10_309_278_350_515; // 97·min ≥ 10^14, 97·max < 10^15
        return ((rng.NextULong() % (max - min + 1) + min) * 97).ToString("D15", CultureInfo.InvariantCulture);
    }

    private static int WriteDeclaration(NpgsqlBinaryImporter declarations, ref Rng rng, Guid organizationId, Guid ownerId, string kind, DateOnly effectiveOn, int? financialYear, decimal? turnover)
    {
        var declaredAt = Casablanca.At(effectiveOn.AddDays(rng.Next(5)), TimeSpan.FromHours(10 + rng.Next(7)));
        declarations.StartRow();
        declarations.Write(rng.NextGuidV7(declaredAt), NpgsqlDbType.Uuid);
        declarations.Write(organizationId, NpgsqlDbType.Uuid);
        declarations.Write(kind, NpgsqlDbType.Varchar);
        declarations.Write(effectiveOn, NpgsqlDbType.Date);
        if (financialYear is { } year)
        {
            declarations.Write(year, NpgsqlDbType.Integer);
        }
        else
        {
            declarations.WriteNull();
        }

        WriteNumeric(declarations, turnover);
        declarations.WriteNull();
        declarations.Write(declaredAt, NpgsqlDbType.TimestampTz);
        declarations.Write(ownerId, NpgsqlDbType.Uuid);
        return 1;
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void WriteDate(NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is { } date)
        {
            importer.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void WriteNumeric(NpgsqlBinaryImporter importer, decimal? value)
    {
        if (value is { } number)
        {
            importer.Write(number, NpgsqlDbType.Numeric);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static string[][] BuildFullNames(bool latin)
    {
        string[] Build((string Latin, string Arabic)[] first) =>
            [.. first.SelectMany(f => WordLists.FamilyNames.Select(l => latin ? $"{f.Latin} {l.Latin}" : $"{f.Arabic} {l.Arabic}"))];
        return [Build(WordLists.MaleFirstNames), Build(WordLists.FemaleFirstNames)];
    }
}
