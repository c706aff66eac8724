package org.debentures.compliance.rules.interest;

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

    /** Payments on random days, and part-payments on the adjusted due dates of 1 January and 1 July (often later days). */
    private static List<Payment> randomPayments(Random random) {
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            payments.add(new Payment(LocalDate.parse("2002-06-20").plusDays(random.nextInt(1800)),
                    BigDecimal.valueOf(5_000 + random.nextInt(60_000))));
        }
        for (int year = 2003; year <= 2006; year++) {
            LocalDate scheduled = random.nextBoolean() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 7, 1);
            payments.add(new Payment(Debenture2InterestLedgerTest.NY.adjustDeadline(scheduled, DeadlineConvention.FOLLOWING),
                    BigDecimal.valueOf(10_000 + random.nextInt(40_000))));
        }
        return payments;
    }

    @Test
    void spec7v2TheSettledOnTimePartOfADueNeverBearsDefaultInterest() {
        // independent of how the ledger splits a due: what a run with its cut-off on the adjusted due date shows as
        // paid is the part settled on time; on no day may more than the rest of the dues fallen due bear default interest
        Random random = new Random(SEED + 3);
        for (int run = 0; run < 25; run++) {
            List<FilingEvent> conversions = randomConversions(random);
            List<Payment> payments = randomPayments(random);
            InterestLedger.Result result = Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL, conversions,
                    payments, List.of(), AS_OF);
            java.util.Map<LocalDate, BigDecimal> notOnTime = new java.util.TreeMap<>();
            for (InterestDue due : result.dues()) {
                InterestLedger.Result atAdjusted = Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL,
                        conversions, payments, List.of(), due.adjustedDueDate().toString());
                BigDecimal onTime = atAdjusted.dues().stream().filter(x -> x.dueDate().equals(due.dueDate()))
                        .findFirst().orElseThrow().amountPaid();
                notOnTime.put(due.dueDate(), due.amountDue().subtract(onTime));
            }
            for (InterestAccrualDay day : result.days()) {
                BigDecimal bound = notOnTime.entrySet().stream().filter(e -> !e.getKey().isAfter(day.date()))
                        .map(java.util.Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertTrue(day.lateInterest().compareTo(bound) <= 0,
                        "run " + run + " " + day.date() + ": " + day.lateInterest() + " bears default interest, at most "
                                + bound + " was not settled on time");
                assertTrue(day.compoundedInterest().compareTo(day.lateInterest()) <= 0, "run " + run + " " + day.date());
            }
        }
    }

    @Test
    void spec7v2ADaysRowsDoNotDependOnWhetherItIsTheRunsLastDay() {
        // run to a random day D, then to D + 1 with the same inputs: every day up to D has the same row, unless D lies
        // between a due's scheduled date and its later adjusted due date (payable then, it is not yet late on D)
        Random random = new Random(SEED + 4);
        int compared = 0;
        for (int run = 0; run < 40; run++) {
            List<FilingEvent> conversions = randomConversions(random);
            List<Payment> payments = randomPayments(random);
            LocalDate last = LocalDate.parse("2002-06-01").plusDays(random.nextInt(1700));
            InterestLedger.Result toLast = Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL, conversions,
                    payments, List.of(), last.toString());
            InterestLedger.Result oneMore = Debenture2InterestLedgerTest.run(Debenture2InterestLedgerTest.DEAL, conversions,
                    payments, List.of(), last.plusDays(1).toString());
            boolean payable = toLast.dues().stream()
                    .anyMatch(d -> !last.isBefore(d.dueDate()) && last.isBefore(d.adjustedDueDate()));
            if (payable) {
                continue;
            }
            compared++;
            assertEquals(toLast.days(), oneMore.days().subList(0, toLast.days().size()), "run " + run + " to " + last);
        }
        assertTrue(compared > 30, "compared " + compared);
    }
}
