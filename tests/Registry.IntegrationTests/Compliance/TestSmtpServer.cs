using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Registry.IntegrationTests.Compliance;

/// <summary>
/// A real SMTP server on a loopback port of its own that keeps every message it accepts. It can be stopped
/// (the port then refuses connections, as a relay that is down) and started again on the same port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CollectingStore _store = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreeLoopbackPort();

    /// <summary>Every message accepted so far, in the order accepted.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _store.Messages];

    /// <summary>How long each message takes to be accepted, so concurrent deliveries really overlap.</summary>
    public TimeSpan Delay
    {
        get => _store.Delay;
        set => _store.Delay = value;
    }

    /// <summary>Messages to this mailbox (the part before @) are refused with 553 after DATA.</summary>
    public string? RefusedMailbox
    {
        get => _store.RefusedMailbox;
        set => _store.RefusedMailbox = value;
    }

    public void Clear() => _store.Messages.Clear();

    /// <summary>
    /// After <paramref name="accepted"/> more messages have been accepted, the next one is held: its data received,
    /// its reply never sent, as a relay that hangs before saying 250. Completes when that message arrives.
    /// <see cref="ReleaseHeld"/> then refuses it (554) without keeping it; every later message is accepted as usual.
    /// </summary>
    public Task HoldAfter(int accepted) => _store.HoldAfter(accepted);

    /// <summary>Lets the held message go, refused and not kept (whoever sent it may be gone by then).</summary>
    public void ReleaseHeld() => _store.ReleaseHeld();

    public async Task StartAsync()
    {
        if (_running is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_running is null || _stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (_running!.IsFaulted)
            {
                await _running; // surfaces why the server could not start (the port taken, say)
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CollectingStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public TimeSpan Delay { get; set; }

        public string? RefusedMailbox { get; set; }

        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _held;
        private int _untilHold = -1;

        public Task HoldAfter(int accepted)
        {
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _untilHold, accepted);
            return _held.Task;
        }

        public void ReleaseHeld() => _released.TrySetResult();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            // -1: no hold; counts down as messages are accepted; the message that finds it at 0 is held.
            if (Volatile.Read(ref _untilHold) >= 0 && Interlocked.Decrement(ref _untilHold) == -1)
            {
                _held!.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
                return SmtpResponse.TransactionFailed;
            }

            if (transaction.To.Any(to => string.Equals(to.User, RefusedMailbox, StringComparison.OrdinalIgnoreCase)))
            {
                return SmtpResponse.MailboxNameNotAllowed;
            }

            await using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            stream.Position = 0;
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
