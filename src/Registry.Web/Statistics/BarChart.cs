namespace Registry.Web.Statistics;

/// <summary>One bar: its label, its length (0 to 1 of the longest) and the value written beside it; optionally a second, thinner bar.</summary>
public sealed record ChartBar(string Label, double Fraction, string ValueText, double? Secondary = null, string? SecondaryText = null);

public sealed record ChartRect(int X, int Y, int Width, int Height, string Class);

public sealed record ChartText(int X, int Y, string Anchor, string Class, string Content);

/// <summary>
/// A horizontal bar chart laid out on the server as SVG shapes (no script): a label, a bar and its value on each line.
/// Laid out left to right, then mirrored for Arabic; the SVG's <c>direction</c> follows the page, so the same
/// <c>text-anchor</c> keeps each text against its bar on either side.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, int Width, int Height, string Direction,
    IReadOnlyList<ChartRect> Rects, IReadOnlyList<ChartText> Texts)
{
    private const int ChartWidth = 640;
    private const int LabelWidth = 210;
    private const int ValueWidth = 130;
    private const int BarSpace = ChartWidth - LabelWidth - ValueWidth - 12;
    private const int LabelMax = 30;

    public static BarChart Create(string id, string title, string description, IReadOnlyList<ChartBar> bars, bool rightToLeft)
    {
        var paired = bars.Any(b => b.Secondary is not null);
        var line = paired ? 40 : 26;
        var rects = new List<ChartRect>();
        var texts = new List<ChartText>();
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = 6 + (i * line);
            var length = Length(bar.Fraction);
            texts.Add(new ChartText(LabelWidth - 8, top + 14, "end", "chart-label", Shorten(bar.Label)));
            rects.Add(new ChartRect(LabelWidth, top + 3, length, 15, "chart-bar"));
            texts.Add(new ChartText(LabelWidth + length + 6, top + 15, "start", "chart-value", bar.ValueText));
            if (bar.Secondary is { } secondary)
            {
                var second = Length(secondary);
                // The whole scale (100 %) is outlined, so the share reads as a part of it without colour.
                rects.Add(new ChartRect(LabelWidth, top + 21, BarSpace, 10, "chart-scale"));
                rects.Add(new ChartRect(LabelWidth, top + 21, second, 10, "chart-bar-secondary"));
                texts.Add(new ChartText(LabelWidth + BarSpace + 6, top + 31, "start", "chart-value chart-value-secondary", bar.SecondaryText ?? ""));
            }
        }

        if (rightToLeft)
        {
            rects = [.. rects.Select(r => r with { X = ChartWidth - r.X - r.Width })];
            texts = [.. texts.Select(t => t with { X = ChartWidth - t.X })];
        }

        return new BarChart(id, title, description, ChartWidth, 12 + (bars.Count * line), rightToLeft ? "rtl" : "ltr", rects, texts);
    }

    private static int Length(double fraction) => (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarSpace);

    private static string Shorten(string label) => label.Length <= LabelMax ? label : label[..(LabelMax - 1)] + "…";
}
