using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Identity's user manager, with an authenticator key made when the account is made. Identity would make the key on the
/// first request for it (<c>/manage/2fa</c>, the enrolment page), changing the security stamp — and since every
/// signed-in request is checked against the stamp (<see cref="Sessions"/>), the token or cookie asking for the key would
/// stop working before it could send the code. At creation no session exists yet, so nothing is lost.
/// </summary>
public sealed class RegistryUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>
    /// No account has an id that is not a GUID: such an id finds no user, as an unknown one does. Identity's store would
    /// throw parsing it, and every endpoint taking a user id from the client (<c>confirmEmail?userId=</c>) answered 500.
    /// </summary>
    public override Task<ApplicationUser?> FindByIdAsync(string userId) =>
        Guid.TryParse(userId, out _) ? base.FindByIdAsync(userId) : Task.FromResult<ApplicationUser?>(null);

    public override async Task<IdentityResult> CreateAsync(ApplicationUser user)
    {
        var created = await base.CreateAsync(user);
        return created.Succeeded ? await ResetAuthenticatorKeyAsync(user) : created;
    }
}
