/**
 * The Calico selector language: a parser that accepts exactly what Calico's tokenizer and parser accept
 * ({@code libcalico-go/lib/selector}), and an abstract syntax tree that evaluates selectors against labels and says
 * which part of a selector did not hold.
 */
package dev.kordon.simulator.calico.selector;
