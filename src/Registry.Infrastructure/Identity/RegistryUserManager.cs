using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

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

    /// <remarks>
    /// An e-mail already taken is one answer however it was found: DuplicateUserName and DuplicateEmail, as Identity's
    /// check answers a registration made after the first. Two accounts of one e-mail made at once can both pass the
    /// user-name check and find only the e-mail taken (DuplicateEmail alone), or pass both checks and be refused by the
    /// database's unique index on the normalised user name (a unique violation). Answered here, it is the same for the
    /// API's register, the sign-up page and staff accounts.
    /// </remarks>
    public override async Task<IdentityResult> CreateAsync(ApplicationUser user)
    {
        IdentityResult created;
        try
        {
            created = await base.CreateAsync(user);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "UserNameIndex" or "EmailIndex" })
        {
            if (Store is UserStore<ApplicationUser, IdentityRole<Guid>, Persistence.RegistryDbContext, Guid> store)
            {
                store.Context.Entry(user).State = EntityState.Detached;
            }

            return Taken(user, []);
        }

        if (!created.Succeeded && created.Errors.Any(IsDuplicate))
        {
            return Taken(user, created.Errors.Where(e => !IsDuplicate(e)));
        }

        return created.Succeeded ? await ResetAuthenticatorKeyAsync(user) : created;
    }

    private static bool IsDuplicate(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail);

    private IdentityResult Taken(ApplicationUser user, IEnumerable<IdentityError> others) => IdentityResult.Failed(
        [ErrorDescriber.DuplicateUserName(user.UserName ?? ""),
         .. Options.User.RequireUniqueEmail ? [ErrorDescriber.DuplicateEmail(user.Email ?? "")] : Array.Empty<IdentityError>(),
         .. others]);
}
