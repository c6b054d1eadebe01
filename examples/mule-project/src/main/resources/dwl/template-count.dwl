%dw 2.0
import countBy from dw::core::Arrays
output application/java
---
/* Procore lists project templates beside real projects; the summary counts them apart. */
payload countBy ((project) -> project.template == true)
