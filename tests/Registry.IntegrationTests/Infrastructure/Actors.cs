namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Who calls, in the authorization table.</summary>
public enum Actor
{
    Anonymous,
    Owner,
    OtherApplicant,
    OfficialOfRegion,
    OfficialOfOtherRegion,
    Analyst,
    Administrator,
}

/// <summary>One signed-in client per actor, created once per test class. The owner's applications are in region 06.</summary>
public sealed class Actors(RegistryApiFactory api)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Dictionary<Actor, HttpClient>? _clients;
    private string? _organization;

    /// <summary>A registered organisation of the owner, in region 06.</summary>
    public async Task<string> OrganizationAsync()
    {
        var owner = await ClientAsync(Actor.Owner);
        var official = await ClientAsync(Actor.OfficialOfRegion);
        return _organization ??= await official.ApproveAsync(await owner.SubmittedAsync());
    }

    public async Task<HttpClient> ClientAsync(Actor actor)
    {
        await _lock.WaitAsync();
        try
        {
            _clients ??= new Dictionary<Actor, HttpClient>
            {
                [Actor.Anonymous] = api.CreateClient(),
                [Actor.Owner] = await api.NewApplicantAsync(),
                [Actor.OtherApplicant] = await api.NewApplicantAsync(),
                [Actor.OfficialOfRegion] = await api.NewStaffAsync("RegionalOfficial", "06"),
                [Actor.OfficialOfOtherRegion] = await api.NewStaffAsync("RegionalOfficial", "09", "01"),
                [Actor.Analyst] = await api.NewStaffAsync("MinistryAnalyst"),
                [Actor.Administrator] = await api.SignInAsync(RegistryApiFactory.AdminEmail),
            };
            return _clients[actor];
        }
        finally
        {
            _lock.Release();
        }
    }
}
