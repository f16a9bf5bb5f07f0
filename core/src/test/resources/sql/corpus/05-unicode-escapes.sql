select U&'d\0061t\+000061; semi' as "plain;name";
select U&'\0441\043B\043E\043D' as U&"\0441\043B;";
select U&'d!0061t!+000061' UESCAPE '!';
create table U&"t\0061ble;x" (x int);
insert into U&"t\0061ble;x" values (1);
