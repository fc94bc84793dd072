namespace Registry.Cli.Common;

/// <summary>
/// A small, fast, seedable generator (SplitMix64 seeding, xoshiro256** steps). Every organisation gets its own
/// stream from (seed, index, stream), so the data of organisation i is the same whichever worker generates it
/// and however many workers there are.
/// </summary>
public struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed, ulong index, ulong stream)
    {
        var x = seed * 0x9E3779B97F4A7C15UL ^ (index + 1) * 0xBF58476D1CE4E5B9UL ^ (stream + 1) * 0x94D049BB133111EBUL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)((NextULong() >> 33) * (ulong)n >> 31);

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal value with the given mean and shape.</summary>
    public double LogNormal(double mean, double sigma) =>
        Math.Exp(Math.Log(Math.Max(mean, 1e-9)) - sigma * sigma / 2 + sigma * NextGaussian());

    /// <summary>Picks an index by cumulative weights (the last entry is the total).</summary>
    public int Pick(double[] cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    /// <summary>A version-7-shaped UUID for the given instant whose random part comes from this stream (reproducible).</summary>
    public Guid NextGuidV7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)at.ToUnixTimeMilliseconds();
        bytes[0] = (byte)(ms >> 40);
        bytes[1] = (byte)(ms >> 32);
        bytes[2] = (byte)(ms >> 24);
        bytes[3] = (byte)(ms >> 16);
        bytes[4] = (byte)(ms >> 8);
        bytes[5] = (byte)ms;
        var r1 = NextULong();
        var r2 = NextULong();
        bytes[6] = (byte)(0x70 | ((r1 >> 8) & 0x0F));
        bytes[7] = (byte)r1;
        bytes[8] = (byte)(0x80 | ((r1 >> 16) & 0x3F));
        for (var i = 9; i < 16; i++)
        {
            bytes[i] = (byte)(r2 >> (8 * (i - 9)));
        }

        return new Guid(bytes, bigEndian: true);
    }
}

public static class Cumulative
{
    public static double[] Of(params double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }
}
