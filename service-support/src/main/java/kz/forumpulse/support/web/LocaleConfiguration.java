package kz.forumpulse.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Problem details for every service. The caller's language comes from {@code Accept-Language}
 * (Boot's resolver; {@code spring.web.locale: ru} makes Russian the default, as most participants
 * write it), with message bundles in ru, kk and en.
 */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class LocaleConfiguration {}
