package org.debentures.compliance.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.money.OldestFirstSettlement.Payment;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.terms.DeadlineConvention;
import org.junit.jupiter.api.Test;

/** Invariants of the interest ledger (Debenture §2) over seeded random conversions and payment logs. */
class InterestLedgerPropertyTest {

    private static final long SEED = 7_2002_0701L;
    private static final String AS_OF = "2007-06-30";

    private static List<FilingEvent> randomConversions(Random random) {
        List<FilingEvent> events = new ArrayList<>();
        LocalDate day = LocalDate.parse("2002-06-01");
        for (int i = 0; i < 3; i++) {
            day = day.plusDays(60 + random.nextInt(300));
            events.add(new FilingEvent(day, EventType.CONVERSION, "BRAMWELL-2002",
                    BigDecimal.valueOf(100_000L * (1 + random.nextInt(5))), 1L, null, null, "C" + i, null));
        }
        return events;
    }

    private static BigDecimal cost(InterestLedger.Result result) {
        BigDecimal dues = result.dues().stream().map(InterestDue::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal defaults = result.months().stream().map(DefaultInterestMonth::amountDue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return dues.add(defaults);
    }

    @Test
    void allPaidOnTimeIsSimpleInterest() {
        Random random = new Random(SEED);
        for (int run = 0; run < 25; run++) {
            List<FilingEvent> conversions = randomConversions(random);
            InterestLedger.Result simple = Debenture2InterestLedgerTest.run(
                    Debenture2InterestLedgerTest.withSwitches(DeadlineConvention.FOLLOWING, false), conversions, List.of(),
                    List.of(), AS_OF);
            List<Payment> onTime = simple.dues().stream().map(d -> new Payment(d.dueDate(), d.amountDue())).toList();
            InterestLedger.Result paid = Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL, conversions,
                    onTime, List.of(), AS_OF);
            assertEquals(simple.dues().stream().map(InterestDue::amountDue).toList(),
                    paid.dues().stream().map(InterestDue::amountDue).toList(), "run " + run);
            assertTrue(paid.dues().stream().allMatch(InterestDue::paidOnTime));
            assertEquals(List.of(), paid.months());
            assertTrue(paid.days().stream().allMatch(d -> d.compoundedInterest().signum() == 0));
        }
    }

    @Test
    void payingEarlierNeverCostsMore() {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < 25; run++) {
            List<FilingEvent> conversions = randomConversions(random);
            InterestLedger.Result simple = Debenture2InterestLedgerTest.run(
                    Debenture2InterestLedgerTest.withSwitches(DeadlineConvention.FOLLOWING, false), conversions, List.of(),
                    List.of(), AS_OF);
            List<Payment> late = new ArrayList<>();
            for (InterestDue due : simple.dues()) {
                late.add(new Payment(due.dueDate().plusDays(random.nextInt(60)), due.amountDue()));
            }
            int moved = random.nextInt(late.size());
            List<Payment> earlier = new ArrayList<>(late);
            Payment p = late.get(moved);
            earlier.set(moved, new Payment(p.date().minusDays(1 + random.nextInt(20)), p.amount()));
            BigDecimal lateCost = cost(Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL, conversions,
                    late, List.of(), AS_OF));
            BigDecimal earlierCost = cost(Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL, conversions,
                    earlier, List.of(), AS_OF));
            assertTrue(earlierCost.compareTo(lateCost) <= 0, "run " + run + ": " + lateCost + " -> " + earlierCost);
        }
    }

    @Test
    void theDailyAccrualsOfEachPeriodSumToItsDue() {
        Random random = new Random(SEED + 2);
        for (int run = 0; run < 25; run++) {
            List<FilingEvent> conversions = randomConversions(random);
            List<Payment> payments = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                payments.add(new Payment(LocalDate.parse("2002-07-01").plusDays(random.nextInt(1800)),
                        BigDecimal.valueOf(10_000 + random.nextInt(60_000))));
            }
            InterestLedger.Result result = Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL, conversions,
                    payments, List.of(), AS_OF);
            for (InterestDue due : result.dues()) {
                BigDecimal sum = result.days().stream()
                        .filter(d -> !d.date().isBefore(due.periodStart()) && d.date().isBefore(due.dueDate()))
                        .map(InterestAccrualDay::regularInterest).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(Rounding.cents(sum), due.amountDue(), "run " + run + " due " + due.dueDate());
            }
        }
    }
}
