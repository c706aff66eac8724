package org.debentures.compliance.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Payments settle the oldest unpaid amount first (Debenture 2(a), 2(b); RRA 2(d) payments); a
 * payment made before anything is owed is held and settles the next amount when it falls due.
 * With amounts in date order this is a comparison of running totals: the k-th amount is settled
 * when the payments so far cover every amount up to and including it.
 */
public final class OldestFirstSettlement {

    /** A payment: its date and amount. */
    public record Payment(LocalDate date, BigDecimal amount) {
    }

    private final List<Payment> payments;

    /** @param payments in any order */
    public OldestFirstSettlement(List<Payment> payments) {
        this.payments = payments.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList();
    }

    /** Everything paid on or before {@code date}. */
    public BigDecimal paidThrough(LocalDate date) {
        BigDecimal total = BigDecimal.ZERO;
        for (Payment payment : payments) {
            if (payment.date().isAfter(date)) {
                break;
            }
            total = total.add(payment.amount());
        }
        return total;
    }

    /**
     * How much of an amount is settled by the payments dated on or before {@code date}.
     *
     * @param owedBefore the total of the amounts older than this one
     */
    public BigDecimal settledThrough(BigDecimal owedBefore, BigDecimal amount, LocalDate date) {
        return paidThrough(date).subtract(owedBefore).max(BigDecimal.ZERO).min(amount);
    }

    /**
     * The day an amount was settled in full: the date of the payment row that completed it (SPEC §7
     * v2: a payment made before the amount fell due and held for it shows its own date);
     * {@code null} if the payments up to {@code asOf} do not cover it.
     */
    public LocalDate settledOn(BigDecimal owedBefore, BigDecimal amount, LocalDate asOf) {
        BigDecimal needed = owedBefore.add(amount);
        BigDecimal total = BigDecimal.ZERO;
        for (Payment payment : payments) {
            if (payment.date().isAfter(asOf)) {
                break;
            }
            total = total.add(payment.amount());
            if (total.compareTo(needed) >= 0) {
                return payment.date();
            }
        }
        return null;
    }
}
