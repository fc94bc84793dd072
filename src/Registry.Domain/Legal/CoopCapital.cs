namespace Registry.Domain.Legal;

/// <summary>Sums of a cooperative's shares, in 64 bits so that no declaration can overflow them.</summary>
internal static class CoopCapital
{
    public static long Subscribed(LegalFacts facts) => facts.Members.Sum(member => (long)member.SharesSubscribed);

    public static long Paid(LegalFacts facts) => facts.Members.Sum(member => (long)member.SharesPaid);

    /// <summary>Subscribed shares times the share value (none declared counts as 0), in MAD.</summary>
    public static decimal SubscribedAmount(LegalFacts facts)
    {
        try
        {
            return Subscribed(facts) * (facts.ShareValue ?? 0m);
        }
        catch (OverflowException)
        {
            return facts.ShareValue > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }
}
