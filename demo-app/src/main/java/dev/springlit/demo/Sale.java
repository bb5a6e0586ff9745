package dev.springlit.demo;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One month of sales in one region, for the dashboard.
 *
 * @param region  the sales region
 * @param month   the first day of the month
 * @param revenue revenue in dollars
 * @param units   units sold
 */
public record Sale(String region, LocalDate month, double revenue, int units) implements Serializable {
}
