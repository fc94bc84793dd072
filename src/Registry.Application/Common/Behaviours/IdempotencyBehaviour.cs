using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Validation;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// Second in the pipeline. Claims the Idempotency-Key in the same transaction as the change and stores the
/// response there, so a key is either bound to a committed change and its response, or free again.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(
    IRegistryDbContext db, IIdempotencyStore store, ICurrentUser currentUser, AfterCommit afterCommit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand, IIdempotentCommand
{
    public const int MaxKeyLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var key = message.IdempotencyKey;
        if (key is null)
        {
            return await next(message, cancellationToken);
        }

        if (key.Length is 0 or > MaxKeyLength || !TextRules.IsClean(key))
        {
            throw new ValidationException([new ValidationFailure("Idempotency-Key", Localized.Text(
                $"Un Idempotency-Key compte de 1 à {MaxKeyLength} caractères imprimables.", $"يتكون Idempotency-Key من 1 إلى {MaxKeyLength} حرفا قابلا للطباعة."))]);
        }

        var userId = currentUser.RequireUserId();
        var requestHash = HashOf(message);

        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;

        var earlier = await store.ClaimAsync(userId, key, requestHash, cancellationToken);
        if (earlier is not null)
        {
            if (earlier.RequestHash != requestHash || earlier.ResponseJson is null)
            {
                throw new ConflictException(Localized.Text(
                    "Cet Idempotency-Key a déjà servi pour une autre requête.", "سبق استعمال Idempotency-Key هذا لطلب مختلف."));
            }

            return JsonSerializer.Deserialize<TResponse>(earlier.ResponseJson, Json)!;
        }

        var response = await next(message, cancellationToken);
        await store.CompleteAsync(userId, key, JsonSerializer.Serialize(response, Json), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            afterCommit.Run();
        }

        return response;
    }

    private static string HashOf(TMessage message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), Json);
        var type = System.Text.Encoding.UTF8.GetBytes(message.GetType().FullName ?? "");
        return Convert.ToHexStringLower(SHA256.HashData([.. type, .. body]));
    }
}
