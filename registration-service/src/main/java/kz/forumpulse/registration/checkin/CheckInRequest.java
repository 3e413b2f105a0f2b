package kz.forumpulse.registration.checkin;

import jakarta.validation.constraints.Size;

/**
 * What the door scanner sends: the QR code's text ({@code ticket}), or the access code typed in.
 */
record CheckInRequest(
    @Size(max = 200, message = "{validation.tooLong}") String ticket,
    @Size(max = 64, message = "{validation.tooLong}") String accessCode) {}
