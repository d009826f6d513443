// Russian: the offices this product is first meant for work in Russian.
import type { Message } from './catalog.js';
import { ruAdmin } from './ru-admin.js';
import { ruChecks } from './ru-checks.js';
import { ruDevice } from './ru-device.js';
import { ruFleet } from './ru-fleet.js';
import { ruKb } from './ru-kb.js';
import { ruMaintenance } from './ru-maintenance.js';
import { ruReports } from './ru-reports.js';
import type { MessageKey } from './en.js';
import { ruLive } from './ru-live.js';
import { ruSchedules } from './ru-schedules.js';
import { ruTickets } from './ru-tickets.js';
import { ruTicket } from './ru-ticket.js';
import { ruScripts } from './ru-scripts.js';
import { ruShell } from './ru-shell.js';
import { ruTicketWords } from './ru-ticket-words.js';

export const ru: Record<MessageKey, Message> = {
  'app.name': 'Helpline',
  'app.title': '{page} · Helpline',
  'app.skipToContent': 'Перейти к содержимому',
  'app.pageLoadFailed': 'Не удалось загрузить эту страницу.',
  'nav.label': 'Основное меню',
  'nav.devices': 'Устройства',

  'common.loading': 'Загрузка…',
  'common.retry': 'Повторить',
  'common.refresh': 'Обновить',
  'common.refreshing': 'Обновление…',
  'common.never': 'никогда',
  'common.unknown': 'неизвестно',
  'common.cancel': 'Отмена',
  'common.working': 'Выполняется…',

  'error.unreachable': 'Нет связи с сервером Helpline. Проверьте подключение и повторите попытку.',
  'error.server': 'Ответ сервера: {message}',

  'login.pageTitle': 'Вход',
  'login.heading': 'Вход в Helpline',
  'login.tagline': 'Удалённая поддержка компьютеров вашего офиса',
  'login.user': 'Имя пользователя',
  'login.password': 'Пароль',
  'login.submit': 'Войти',
  'login.submitting': 'Вход…',
  'login.wrongPassword': 'Неверное имя пользователя или пароль.',
  'login.rateLimited': 'Слишком много неудачных попыток входа. Подождите несколько минут и попробуйте снова.',
  'login.missing': 'Введите имя пользователя и пароль.',
  'login.sessionEnded': 'Сеанс завершён. Войдите снова.',
  'login.signedOut': 'Вы вышли из системы.',

  'menu.label': 'Меню пользователя ({name})',
  'menu.signedInAs': 'Вы вошли как',
  'menu.language': 'Язык',
  'menu.signOut': 'Выйти',
  'role.admin': 'Администратор',
  'role.technician': 'Специалист, {line}-я линия',
  'role.viewer': 'Наблюдатель',

  'devices.title': 'Устройства',
  'devices.search': 'Поиск устройств',
  'devices.searchPlaceholder': 'Имя, группа, ОС, статус или версия',
  'devices.count': {
    one: '{count} устройство',
    few: '{count} устройства',
    many: '{count} устройств',
    other: '{count} устройства',
  },
  'devices.countFiltered': {
    one: '{shown} из {count} устройства',
    few: '{shown} из {count} устройств',
    many: '{shown} из {count} устройств',
    other: '{shown} из {count} устройства',
  },
  'devices.loading': 'Загрузка устройств…',
  'devices.loadFailed': 'Не удалось загрузить устройства.',
  'devices.emptyTitle': 'Устройств пока нет',
  'devices.emptyBody':
    'Чтобы добавить компьютер, создайте токен регистрации (helpline token create) и выполните на нём helpline-agent enroll --token <токен>.',
  'devices.noMatchTitle': 'Нет устройств по запросу «{query}»',
  'devices.noMatchBody': 'Попробуйте другое имя, группу, операционную систему или статус.',
  'devices.clearSearch': 'Очистить поиск',
  'devices.sortBy': 'Сортировать по столбцу «{column}»',

  'column.name': 'Имя',
  'column.group': 'Группа',
  'column.status': 'Статус',
  'column.online': 'Связь',
  'column.lastSeen': 'Последняя связь',
  'column.os': 'Операционная система',
  'column.agentVersion': 'Версия агента',

  'status.active': 'Активно',
  'status.pending': 'Ожидает одобрения',
  'status.denied': 'Отклонено',
  'status.revoked': 'Отозвано',
  'online.online': 'В сети',
  'online.offline': 'Не в сети',

  'device.back': 'Все устройства',
  'device.loading': 'Загрузка устройства…',
  'device.loadFailed': 'Не удалось загрузить устройство.',
  'device.notFoundTitle': 'Устройство не найдено',
  'device.notFoundBody': 'Устройства с идентификатором {id} нет. Возможно, оно было удалено.',
  'device.summary': 'Сводка',
  'device.id': 'Идентификатор',
  'device.status': 'Статус',
  'device.statusReason': 'Причина',
  'device.online': 'Связь',
  'device.group': 'Группа',
  'device.lastSeen': 'Последняя связь',
  'device.agentVersion': 'Версия агента',
  'device.os': 'Операционная система',
  'device.arch': 'Архитектура',
  'device.enrolledAt': 'Зарегистрировано',
  'device.fingerprint': 'Отпечаток ключа',

  'notFound.pageTitle': 'Страница не найдена',
  'notFound.body': 'Страницы {path} нет.',
  'notFound.home': 'Перейти к устройствам',
  ...ruLive,
  ...ruFleet,
  ...ruShell,
  ...ruDevice,
  ...ruTicketWords,
  ...ruSchedules,
  ...ruChecks,
  ...ruTickets,
  ...ruTicket,
  ...ruScripts,
  ...ruKb,
  ...ruMaintenance,
  ...ruReports,
  ...ruAdmin,
};
